/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
#ifndef __TSM_SBIRET_H__
#define __TSM_SBIRET_H__

#include "sbi_abi.h"

static inline struct sbiret sbiret_error(long error)
{
	return (struct sbiret){ .error = error, .value = 0 };
}

static inline struct sbiret sbiret_value(long value)
{
	return (struct sbiret){ .error = SBI_ERR_SUCCESS, .value = value };
}

#endif /* __TSM_SBIRET_H__ */

/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Small C helpers the firmware and the payloads share. */
#ifndef __COVEKIT_UTIL_H__
#define __COVEKIT_UTIL_H__

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#endif /* __COVEKIT_UTIL_H__ */

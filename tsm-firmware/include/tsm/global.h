/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The TSM's one instance of its state.  Only the firmware's entry points
 * (main.c, trap.c, reset.c, console.c) include this: they hand &tsm down,
 * and everything below them works on the struct tsm * it is given
 * (tools/tests/test_firmware_layout.py keeps it so).
 */
#ifndef __TSM_GLOBAL_H__
#define __TSM_GLOBAL_H__

#include "tsm/tsm.h"

extern struct tsm tsm;

#endif /* __TSM_GLOBAL_H__ */

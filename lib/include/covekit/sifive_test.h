/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * QEMU virt's test device ("sifive,test1", found through the FDT): a
 * 32-bit store of one of these codes powers the machine off or resets it.
 */
#ifndef __COVEKIT_SIFIVE_TEST_H__
#define __COVEKIT_SIFIVE_TEST_H__

#define SIFIVE_TEST_PASS		0x5555U
#define SIFIVE_TEST_RESET		0x7777U
/* QEMU exits with status `code`. */
#define SIFIVE_TEST_FAIL(code)		((((unsigned int)(code)) << 16) | 0x3333U)

#endif /* __COVEKIT_SIFIVE_TEST_H__ */

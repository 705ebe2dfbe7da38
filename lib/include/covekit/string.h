/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The C string and memory functions the firmware provides itself
 * (lib/src/string.c); host-built unit tests get the C library's.
 */
#ifndef __COVEKIT_STRING_H__
#define __COVEKIT_STRING_H__

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);

#endif /* __COVEKIT_STRING_H__ */

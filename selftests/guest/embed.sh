#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# embed.sh IMAGE OUT.S: an assembly file that carries IMAGE as the
# page-aligned data guest_image .. guest_image_end of a host payload.
set -eu
image=$(realpath "$1")
cat > "$2" <<EOS
	.section .rodata
	.balign 4096
	.globl guest_image
guest_image:
	.incbin "$image"
	.globl guest_image_end
guest_image_end:
	.balign 4096
EOS

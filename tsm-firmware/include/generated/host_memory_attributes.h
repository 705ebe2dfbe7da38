/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Generated from spec/cove.yaml, spec/kvm.yaml, spec/sbi.yaml, spec/tsm.yaml
 * by codegen/templates/firmware/host_memory_attributes.h.j2.
 * Do not edit: change the spec and run ./tools/regen.
 */

/*
 * The memory type (Svpbmt PBMT) of each G-stage mapping the host gets,
 * from spec/tsm.yaml's memory_attributes; Documentation/abi/memory-attributes.rst
 * says why.  The TSM maps each host range with host_mapping_pbmt[] of its
 * kind (tsm-firmware/src/host_map.c, covh/convert.c).
 */
#ifndef __GENERATED_HOST_MEMORY_ATTRIBUTES_H__
#define __GENERATED_HOST_MEMORY_ATTRIBUTES_H__

/* PTE bits 62:61 (Svpbmt). */
#define PBMT_PMA	0U
#define PBMT_NC		1U
#define PBMT_IO		2U

enum host_mapping {
	/* The host's RAM (every host memory range, mapped at boot and again
	 * on reclaim_pages). */
	HOST_MAPPING_RAM,
	/* The console UART (ns16550a) registers. */
	HOST_MAPPING_UART,
	/* The PLIC's registers for the host's supervisor contexts. */
	HOST_MAPPING_PLIC,
	HOST_MAPPING_COUNT
};

static const unsigned int host_mapping_pbmt[HOST_MAPPING_COUNT]
	__attribute__((unused)) = {
	[HOST_MAPPING_RAM] = PBMT_PMA,
	[HOST_MAPPING_UART] = PBMT_PMA,
	[HOST_MAPPING_PLIC] = PBMT_PMA,
};

#endif /* __GENERATED_HOST_MEMORY_ATTRIBUTES_H__ */

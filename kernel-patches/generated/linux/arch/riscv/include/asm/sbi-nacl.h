/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Generated from spec/cove.yaml, spec/kvm.yaml, spec/sbi.yaml, spec/tsm.yaml
 * by codegen/templates/linux/sbi-ext-stubs.h.j2.
 * Do not edit: change the spec and run ./tools/regen.
 */

/*
 * NACL calls (SBI-3.0): one inline wrapper per function.
 * Each returns the raw struct sbiret; map .error with
 * sbi_err_map_linux_errno() where an errno is wanted (provisional CoVE
 * error codes map to -ENOTSUPP there).
 */
#ifndef __ASM_RISCV_SBI_NACL_H
#define __ASM_RISCV_SBI_NACL_H

#include <asm/sbi.h>
#include <asm/sbi-cove.h>

/**
 * sbi_nacl_probe_feature() - Asks whether a NACL feature is available
 * @feature_id: The feature, a member of nacl_feature (other values answer 0).
 *
 * The TSM implements none of the optional features (no synchronize calls, no
 * CSR autoswap): run_tvm_vcpu exchanges everything through the area itself, and
 * the host must read and write csrs[] and the scratch directly. So every probe
 * answers 0.
 *
 * Caller: host. NACL FID 0, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS or SBI_ERR_NOT_SUPPORTED. .value: 1 if the
 * feature is available, 0 if not (always 0 from this TSM).
 */
static inline struct sbiret
sbi_nacl_probe_feature(unsigned long feature_id)
{
	return sbi_ecall(SBI_EXT_NACL, SBI_EXT_NACL_PROBE_FEATURE, feature_id,
			 0, 0, 0, 0, 0);
}

/**
 * sbi_nacl_set_shmem() - Registers the calling hart's NACL shared-memory area,
 * or disables it when shmem_phys_lo and shmem_phys_hi are both all ones
 * @shmem_phys_lo: Low XLEN bits of the area's physical address; all ones (with
 *	_hi all ones) disables.
 * @shmem_phys_hi: High XLEN bits of the physical address; 0 on RV64 for any
 *	real address.
 * @flags: Reserved, must be 0.
 *
 * The area is 4 KiB aligned, sizeof(struct sbi_nacl_shmem) = 12288 bytes long
 * and must be host memory (the host's own, neither the TSM's nor confidential)
 * for its whole length. The TSM writes and reads it only during run_tvm_vcpu on
 * that hart. One area per hart; a new call replaces the previous one.
 *
 * Caller: host. NACL FID 1, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM,
 * SBI_ERR_INVALID_ADDRESS, or SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_nacl_set_shmem(unsigned long shmem_phys_lo, unsigned long shmem_phys_hi,
		   unsigned long flags)
{
	return sbi_ecall(SBI_EXT_NACL, SBI_EXT_NACL_SET_SHMEM, shmem_phys_lo,
			 shmem_phys_hi, flags, 0, 0, 0);
}

/**
 * sbi_nacl_sync_csr() - Synchronizes CSRs in the area with the hart (SYNC_CSR
 * feature)
 * @csr_num: One CSR number, or all ones for every CSR.
 *
 * Not implemented: the TSM does not offer the feature.
 *
 * Caller: host. NACL FID 2, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_nacl_sync_csr(unsigned long csr_num)
{
	return sbi_ecall(SBI_EXT_NACL, SBI_EXT_NACL_SYNC_CSR, csr_num, 0, 0, 0,
			 0, 0);
}

/**
 * sbi_nacl_sync_hfence() - Processes hfence requests in the area (SYNC_HFENCE
 * feature)
 * @entry_index: One hfence entry, or all ones for every entry.
 *
 * Not implemented: the TSM does not offer the feature.
 *
 * Caller: host. NACL FID 3, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_nacl_sync_hfence(unsigned long entry_index)
{
	return sbi_ecall(SBI_EXT_NACL, SBI_EXT_NACL_SYNC_HFENCE, entry_index, 0,
			 0, 0, 0, 0);
}

/**
 * sbi_nacl_sync_sret() - Synchronizes and enters the nested guest with sret
 * (SYNC_SRET feature)
 *
 * Not implemented: the TSM does not offer the feature; TVMs run through COVH
 * run_tvm_vcpu.
 *
 * Caller: host. NACL FID 4, SBI-3.0.
 *
 * Return: .error is SBI_SUCCESS or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_nacl_sync_sret(void)
{
	return sbi_ecall(SBI_EXT_NACL, SBI_EXT_NACL_SYNC_SRET, 0, 0, 0, 0, 0,
			 0);
}

#endif /* __ASM_RISCV_SBI_NACL_H */

/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Generated from spec/cove.yaml, spec/kvm.yaml, spec/sbi.yaml, spec/tsm.yaml
 * by codegen/templates/linux/sbi-ext-stubs.h.j2.
 * Do not edit: change the spec and run ./tools/regen.
 */

/*
 * COVG calls (CoVE-2025): one inline wrapper per function.
 * Each returns the raw struct sbiret; map .error with
 * sbi_err_map_linux_errno() where an errno is wanted (provisional CoVE
 * error codes map to -ENOTSUPP there).
 */
#ifndef __ASM_RISCV_SBI_COVG_H
#define __ASM_RISCV_SBI_COVG_H

#include <asm/sbi.h>
#include <asm/sbi-cove.h>

/**
 * sbi_covg_add_mmio_region() - Declares a guest-physical range as emulated
 * MMIO, as the guest's ioremap does
 * @gpa: First guest-physical address of the range; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @len: Length of the range in bytes; a multiple of 4 KiB. Must be 4096-byte
 *	aligned.
 *
 * The TSM then decodes faulting accesses in the range and forwards them to the
 * host for emulation.
 *
 * Caller: guest. COVG FID 0, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_add_mmio_region(unsigned long gpa, unsigned long len)
{
	return sbi_ecall(SBI_EXT_COVG, SBI_EXT_COVG_ADD_MMIO_REGION, gpa, len,
			 0, 0, 0, 0);
}

/**
 * sbi_covg_remove_mmio_region() - Removes a guest-physical range from the
 * emulated MMIO regions; later accesses to it fault
 * @gpa: First guest-physical address of the range; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @len: Length of the range in bytes; a multiple of 4 KiB. Must be 4096-byte
 *	aligned.
 *
 * Caller: guest. COVG FID 1, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_remove_mmio_region(unsigned long gpa, unsigned long len)
{
	return sbi_ecall(SBI_EXT_COVG, SBI_EXT_COVG_REMOVE_MMIO_REGION, gpa,
			 len, 0, 0, 0, 0);
}

/**
 * sbi_covg_share_memory_region() - Asks to turn a confidential guest-physical
 * range into memory shared with the host; its contents are lost
 * @gpa: First guest-physical address of the range; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @len: Length of the range in bytes; a multiple of 4 KiB. Must be 4096-byte
 *	aligned.
 *
 * The calling vCPU is blocked until the host has acted.
 *
 * Caller: guest. COVG FID 2, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_share_memory_region(unsigned long gpa, unsigned long len)
{
	return sbi_ecall(SBI_EXT_COVG, SBI_EXT_COVG_SHARE_MEMORY_REGION, gpa,
			 len, 0, 0, 0, 0);
}

/**
 * sbi_covg_unshare_memory_region() - Asks to turn a shared guest-physical range
 * back into confidential memory; its contents are lost
 * @gpa: First guest-physical address of the range; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @len: Length of the range in bytes; a multiple of 4 KiB. Must be 4096-byte
 *	aligned.
 *
 * The calling vCPU is blocked until the host has acted.
 *
 * Caller: guest. COVG FID 3, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_unshare_memory_region(unsigned long gpa, unsigned long len)
{
	return sbi_ecall(SBI_EXT_COVG, SBI_EXT_COVG_UNSHARE_MEMORY_REGION, gpa,
			 len, 0, 0, 0, 0);
}

/**
 * sbi_covg_allow_external_interrupt() - Lets the host inject the given external
 * interrupt into the calling vCPU
 * @interrupt_id: The external interrupt ID to allow; -1 allows all.
 *
 * All external interrupts are denied when a vCPU starts.
 *
 * Caller: guest. COVG FID 4, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covg_allow_external_interrupt(long interrupt_id)
{
	return sbi_ecall(SBI_EXT_COVG, SBI_EXT_COVG_ALLOW_EXTERNAL_INTERRUPT,
			 (unsigned long)interrupt_id, 0, 0, 0, 0, 0);
}

/**
 * sbi_covg_deny_external_interrupt() - Stops the host from injecting the given
 * external interrupt into the calling vCPU
 * @interrupt_id: The external interrupt ID to deny; -1 denies all.
 *
 * Caller: guest. COVG FID 5, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covg_deny_external_interrupt(long interrupt_id)
{
	return sbi_ecall(SBI_EXT_COVG, SBI_EXT_COVG_DENY_EXTERNAL_INTERRUPT,
			 (unsigned long)interrupt_id, 0, 0, 0, 0, 0);
}

/**
 * sbi_covg_get_attestation_capabilities() - Writes the TSM's attestation
 * capabilities (hash algorithm, certificate formats, measurement registers) to
 * a guest buffer
 * @caps_addr: Guest-physical address of the buffer; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @caps_size: Size of the buffer in bytes; a multiple of 4 KiB. Must be
 *	4096-byte aligned.
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: guest. COVG FID 6, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_get_attestation_capabilities(unsigned long caps_addr,
				      unsigned long caps_size)
{
	return sbi_ecall(SBI_EXT_COVG,
			 SBI_EXT_COVG_GET_ATTESTATION_CAPABILITIES, caps_addr,
			 caps_size, 0, 0, 0, 0);
}

/**
 * sbi_covg_extend_measurement() - Extends a runtime measurement register with a
 * digest computed by the guest with the TSM's hash algorithm; later evidence
 * includes it
 * @msmt_buf_addr: Guest-physical address of the digest; 4 KiB aligned. Must be
 *	4096-byte aligned.
 * @msmt_buf_len: Length of the digest in bytes; must equal the hash algorithm's
 *	output length.
 * @msmt_index: Index of a runtime measurement register.
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: guest. COVG FID 7, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_extend_measurement(unsigned long msmt_buf_addr,
			    unsigned long msmt_buf_len,
			    unsigned long msmt_index)
{
	return sbi_ecall(SBI_EXT_COVG, SBI_EXT_COVG_EXTEND_MEASUREMENT,
			 msmt_buf_addr, msmt_buf_len, msmt_index, 0, 0, 0);
}

/**
 * sbi_covg_get_evidence() - Produces an attestation certificate, signed by the
 * TSM attestation key, that binds the guest's public key and a relying party's
 * challenge to the TVM's measurements
 * @pub_key_addr: Guest-physical address of the TVM public key, in confidential
 *	memory; 4 KiB aligned. Must be 4096-byte aligned.
 * @pub_key_size: Size of the public key in bytes.
 * @challenge_data_addr: Guest-physical address of the challenge, in
 *	confidential memory; 4 KiB aligned. Must be 4096-byte aligned.
 * @cert_format: Requested certificate format, one of the formats
 *	get_attestation_capabilities reports.
 * @cert_addr: Guest-physical address of the output buffer for the certificate;
 *	4 KiB aligned. Must be 4096-byte aligned.
 * @cert_size: Size of the output buffer in bytes.
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: guest. COVG FID 8, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_BUSY, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covg_get_evidence(unsigned long pub_key_addr, unsigned long pub_key_size,
		      unsigned long challenge_data_addr,
		      unsigned long cert_format, unsigned long cert_addr,
		      unsigned long cert_size)
{
	return sbi_ecall(SBI_EXT_COVG, SBI_EXT_COVG_GET_EVIDENCE, pub_key_addr,
			 pub_key_size, challenge_data_addr, cert_format,
			 cert_addr, cert_size);
}

/**
 * sbi_covg_retrieve_secret() - Copies to the guest the secret the TSM obtained
 * from the TVM attestation payload during local attestation at promote_to_tvm
 * @buf_addr: Guest-physical address of the output buffer; 4 KiB aligned. Must
 *	be 4096-byte aligned.
 * @buf_size: Size of the output buffer in bytes; at most 4096. Must be at most
 *	4096.
 *
 * CoVE-2025 only; arguments as in CoVE-2025.
 *
 * Caller: guest. COVG FID 9, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_AUTH, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_retrieve_secret(unsigned long buf_addr, unsigned long buf_size)
{
	return sbi_ecall(SBI_EXT_COVG, SBI_EXT_COVG_RETRIEVE_SECRET, buf_addr,
			 buf_size, 0, 0, 0, 0);
}

/**
 * sbi_covg_read_measurement() - Copies the value of an initial or runtime
 * measurement register to a guest buffer
 * @msmt_buf_addr: Guest-physical address of the output buffer; 4 KiB aligned.
 *	Must be 4096-byte aligned.
 * @msmt_buf_size: Size of the output buffer in bytes; at least the hash
 *	algorithm's output length.
 * @msmt_index: Index of the measurement register to read.
 *
 * CoVE-2025 only; arguments as in CoVE-2025.
 *
 * Caller: guest. COVG FID 10, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covg_read_measurement(unsigned long msmt_buf_addr,
			  unsigned long msmt_buf_size, unsigned long msmt_index)
{
	return sbi_ecall(SBI_EXT_COVG, SBI_EXT_COVG_READ_MEASUREMENT,
			 msmt_buf_addr, msmt_buf_size, msmt_index, 0, 0, 0);
}

#endif /* __ASM_RISCV_SBI_COVG_H */

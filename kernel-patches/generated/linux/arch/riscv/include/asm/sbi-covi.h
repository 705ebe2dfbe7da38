/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * Generated from spec/cove.yaml, spec/kvm.yaml, spec/sbi.yaml, spec/tsm.yaml
 * by codegen/templates/linux/sbi-ext-stubs.h.j2.
 * Do not edit: change the spec and run ./tools/regen.
 */

/*
 * COVI calls (CoVE-2025): one inline wrapper per function.
 * Each returns the raw struct sbiret; map .error with
 * sbi_err_map_linux_errno() where an errno is wanted (provisional CoVE
 * error codes map to -ENOTSUPP there).
 */
#ifndef __ASM_RISCV_SBI_COVI_H
#define __ASM_RISCV_SBI_COVI_H

#include <asm/sbi.h>
#include <asm/sbi-cove.h>

/**
 * sbi_covi_init_tvm_aia() - Configures AIA virtualization for a TVM from a
 * parameter structure in non-confidential memory
 * @tvm_id: The TVM, still in state INITIALIZING.
 * @params_addr: Physical address of the AIA parameter structure.
 * @params_len: Size of the AIA parameter structure in bytes.
 *
 * Allowed only before finalize_tvm.
 *
 * Caller: host. COVI FID 0, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covi_init_tvm_aia(unsigned long tvm_id, unsigned long params_addr,
		      unsigned long params_len)
{
	return sbi_ecall(SBI_EXT_COVI, SBI_EXT_COVI_INIT_TVM_AIA, tvm_id,
			 params_addr, params_len, 0, 0, 0);
}

/**
 * sbi_covi_set_tvm_aia_cpu_imsic_addr() - Sets the guest-physical address of
 * one vCPU's virtual IMSIC; no two vCPUs may share one
 * @tvm_id: The TVM, still in state INITIALIZING.
 * @vcpu_id: The vCPU whose IMSIC address is set.
 * @imsic_gpa: Guest-physical address of the vCPU's virtual IMSIC, valid for the
 *	TVM's AIA configuration.
 *
 * Allowed between init_tvm_aia and finalize_tvm; arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 1, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covi_set_tvm_aia_cpu_imsic_addr(unsigned long tvm_id, unsigned long vcpu_id,
				    unsigned long imsic_gpa)
{
	return sbi_ecall(SBI_EXT_COVI, SBI_EXT_COVI_SET_TVM_AIA_CPU_IMSIC_ADDR,
			 tvm_id, vcpu_id, imsic_gpa, 0, 0, 0);
}

/**
 * sbi_covi_convert_aia_imsic() - Starts converting a non-confidential IMSIC
 * guest interrupt file for use by TVMs; initiate_fence and local_fence must
 * follow
 * @imsic_page_addr: Physical address of the guest interrupt file.
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 2, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_convert_aia_imsic(unsigned long imsic_page_addr)
{
	return sbi_ecall(SBI_EXT_COVI, SBI_EXT_COVI_CONVERT_AIA_IMSIC,
			 imsic_page_addr, 0, 0, 0, 0, 0);
}

/**
 * sbi_covi_reclaim_tvm_aia_imsic() - Returns a confidential IMSIC guest
 * interrupt file to the host; it must not be assigned to a TVM
 * @imsic_page_addr: Physical address of the guest interrupt file.
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 3, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_ADDRESS,
 * SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or SBI_ERR_NOT_SUPPORTED. .value is
 * unspecified.
 */
static inline struct sbiret
sbi_covi_reclaim_tvm_aia_imsic(unsigned long imsic_page_addr)
{
	return sbi_ecall(SBI_EXT_COVI, SBI_EXT_COVI_RECLAIM_TVM_AIA_IMSIC,
			 imsic_page_addr, 0, 0, 0, 0, 0);
}

/**
 * sbi_covi_bind_aia_imsic() - Binds an unbound vCPU to the calling physical CPU
 * and the confidential guest interrupt files in imsic_mask, after which it can
 * run there
 * @tvm_id: The TVM that owns the vCPU.
 * @vcpu_id: The vCPU to bind.
 * @imsic_mask: Guest interrupt files to use, in hgeie layout (bit N = file N-1,
 *	bit 0 clear); one bit per interrupt file of the vCPU's IMSIC.
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 4, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_bind_aia_imsic(unsigned long tvm_id, unsigned long vcpu_id,
			unsigned long imsic_mask)
{
	return sbi_ecall(SBI_EXT_COVI, SBI_EXT_COVI_BIND_AIA_IMSIC, tvm_id,
			 vcpu_id, imsic_mask, 0, 0, 0);
}

/**
 * sbi_covi_unbind_aia_imsic_begin() - Starts unbinding a vCPU from its guest
 * interrupt files; a TVM fence sequence must complete before
 * unbind_aia_imsic_end
 * @tvm_id: The TVM that owns the vCPU.
 * @vcpu_id: The vCPU to unbind.
 *
 * Call on the CPU the vCPU is bound to; arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 5, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_unbind_aia_imsic_begin(unsigned long tvm_id, unsigned long vcpu_id)
{
	return sbi_ecall(SBI_EXT_COVI, SBI_EXT_COVI_UNBIND_AIA_IMSIC_BEGIN,
			 tvm_id, vcpu_id, 0, 0, 0, 0);
}

/**
 * sbi_covi_unbind_aia_imsic_end() - Finishes unbinding a vCPU, saving its
 * interrupt state in software so the interrupt files can be reclaimed or reused
 * @tvm_id: The TVM that owns the vCPU.
 * @vcpu_id: The vCPU to unbind.
 *
 * Call on the CPU the vCPU is bound to; arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 6, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_unbind_aia_imsic_end(unsigned long tvm_id, unsigned long vcpu_id)
{
	return sbi_ecall(SBI_EXT_COVI, SBI_EXT_COVI_UNBIND_AIA_IMSIC_END,
			 tvm_id, vcpu_id, 0, 0, 0, 0);
}

/**
 * sbi_covi_inject_tvm_cpu() - Injects an external interrupt, which the guest
 * must have allowed with allow_external_interrupt, into a vCPU; it is delivered
 * when the vCPU is next bound if it is not bound now
 * @tvm_id: The TVM that owns the vCPU.
 * @vcpu_id: The vCPU that receives the interrupt.
 * @interrupt_id: The external interrupt ID to inject.
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 7, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_inject_tvm_cpu(unsigned long tvm_id, unsigned long vcpu_id,
			unsigned long interrupt_id)
{
	return sbi_ecall(SBI_EXT_COVI, SBI_EXT_COVI_INJECT_TVM_CPU, tvm_id,
			 vcpu_id, interrupt_id, 0, 0, 0);
}

/**
 * sbi_covi_rebind_aia_imsic_begin() - Starts moving a vCPU to the calling
 * physical CPU and the guest interrupt files in imsic_mask; a TVM fence
 * sequence must complete before rebind_aia_imsic_clone
 * @tvm_id: The TVM that owns the vCPU.
 * @vcpu_id: The vCPU to move.
 * @imsic_mask: New guest interrupt files, in hgeie layout (bit N = file N-1,
 *	bit 0 clear).
 *
 * Arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 8, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_rebind_aia_imsic_begin(unsigned long tvm_id, unsigned long vcpu_id,
				unsigned long imsic_mask)
{
	return sbi_ecall(SBI_EXT_COVI, SBI_EXT_COVI_REBIND_AIA_IMSIC_BEGIN,
			 tvm_id, vcpu_id, imsic_mask, 0, 0, 0);
}

/**
 * sbi_covi_rebind_aia_imsic_clone() - Saves a copy of the vCPU's old guest
 * interrupt file inside the TSM, after which that file can be reclaimed or
 * reused
 * @tvm_id: The TVM that owns the vCPU.
 * @vcpu_id: The vCPU being moved.
 *
 * Call on the old physical CPU; arguments as in CoVE-2025.
 *
 * Caller: host. COVI FID 9, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_rebind_aia_imsic_clone(unsigned long tvm_id, unsigned long vcpu_id)
{
	return sbi_ecall(SBI_EXT_COVI, SBI_EXT_COVI_REBIND_AIA_IMSIC_CLONE,
			 tvm_id, vcpu_id, 0, 0, 0, 0);
}

/**
 * sbi_covi_rebind_aia_imsic_end() - Finishes moving a vCPU, restoring the
 * cloned interrupt state into the new guest interrupt file
 * @tvm_id: The TVM that owns the vCPU.
 * @vcpu_id: The vCPU being moved.
 *
 * Call on the CPU that called rebind_aia_imsic_begin; arguments as in
 * CoVE-2025.
 *
 * Caller: host. COVI FID 10, CoVE-2025.
 *
 * Return: .error is SBI_SUCCESS, SBI_ERR_INVALID_PARAM, SBI_ERR_FAILED, or
 * SBI_ERR_NOT_SUPPORTED. .value is unspecified.
 */
static inline struct sbiret
sbi_covi_rebind_aia_imsic_end(unsigned long tvm_id, unsigned long vcpu_id)
{
	return sbi_ecall(SBI_EXT_COVI, SBI_EXT_COVI_REBIND_AIA_IMSIC_END,
			 tvm_id, vcpu_id, 0, 0, 0, 0);
}

#endif /* __ASM_RISCV_SBI_COVI_H */

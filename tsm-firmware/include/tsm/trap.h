/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* State saved when the host traps into the TSM, and restored to resume it. */
#ifndef __TSM_TRAP_H__
#define __TSM_TRAP_H__

/* Offsets used by trap_entry.S */
#define TRAP_FRAME_GPR(n)	((n) * 8)
#define TRAP_FRAME_SEPC		(32 * 8)
#define TRAP_FRAME_SSTATUS	(33 * 8)
#define TRAP_FRAME_HSTATUS	(34 * 8)
#define TRAP_FRAME_TSM_SP	(35 * 8)
#define TRAP_FRAME_SIZE		(36 * 8)

#ifndef __ASSEMBLER__

/**
 * struct trap_frame - The interrupted context (host, in VS-mode).
 * @gpr:	x0..x31 (x0 unused); gpr[10] is a0.
 * @sepc:	Where to resume.
 * @sstatus:	sstatus at the trap (SPP: VS or VU).
 * @hstatus:	hstatus at the trap (SPV: trapped from a virtual mode).
 * @tsm_sp:	Top of this hart's TSM stack, loaded on every trap.
 */
struct trap_frame {
	unsigned long gpr[32];
	unsigned long sepc;
	unsigned long sstatus;
	unsigned long hstatus;
	unsigned long tsm_sp;
};

_Static_assert(sizeof(struct trap_frame) == TRAP_FRAME_SIZE,
	       "trap_entry.S and struct trap_frame disagree");

#define REG_A0	10
#define REG_A6	16
#define REG_A7	17

/* Called by trap_entry.S with the saved frame; returns to resume it. */
void trap_handle(struct trap_frame *tf);

/* Restore tf and sret into it: never returns (trap_entry.S). */
void trap_resume(struct trap_frame *tf) __attribute__((noreturn));

/* Deliver an exception to VS-mode as if the hardware had raised it there. */
void trap_inject_vs(struct trap_frame *tf, unsigned long cause,
		    unsigned long tval);

#endif /* __ASSEMBLER__ */
#endif /* __TSM_TRAP_H__ */

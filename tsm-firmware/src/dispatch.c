// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The TSM's SBI front door: CoVE calls through the generated table,
 * probes answered here, and a checked allow-list forwarded to OpenSBI:
 * only the FIDs spec/sbi.yaml defines, after the checks its 'checks' say.
 * Extensions the spec refuses (refused_extensions) fall to the default:
 * probe 0, NOT_SUPPORTED.
 */

#include "cove_dispatch_table.h"
#include "covekit/util.h"
#include "sbi_cove_types.h"
#include "tsm/console.h"
#include "tsm/dispatch.h"
#include "tsm/pages.h"
#include "tsm/sbiret.h"
#include "tsm/tsm.h"

/* CoVE: a6[15:0] is the FID; a6[31:26] selects a supervisor domain. */
#define COVE_FID_MASK	0xffffUL

static const struct sbi_abi_extension *tsm_extension(unsigned long eid)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(sbi_tsm_extensions); i++)
		if (sbi_tsm_extensions[i].eid == eid)
			return &sbi_tsm_extensions[i];
	return NULL;
}

/* The spec's entry for a forwarded extension, or NULL. */
static const struct sbi_forwarded_extension *forwarded(unsigned long eid)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(sbi_forwarded_extensions); i++)
		if (sbi_forwarded_extensions[i].eid == eid)
			return &sbi_forwarded_extensions[i];
	return NULL;
}

/* Whether the spec defines fid for a forwarded extension. */
static bool fid_defined(const struct sbi_forwarded_extension *fwd,
			unsigned long fid)
{
	return fid < 8 * sizeof(fwd->fids) && (fwd->fids >> fid & 1);
}

/*
 * 1 or 0 for what a probe of eid answers, -1 to let OpenSBI answer.  A
 * CoVE extension is present to the callers the spec's implemented calls
 * serve (the generated @available); its other calls answer NOT_SUPPORTED.
 */
static long probe(unsigned int from, unsigned long eid)
{
	const struct sbi_abi_extension *ext = tsm_extension(eid);

	if (ext)
		return (ext->available & from) ? 1 : 0;
	return forwarded(eid) ? -1 : 0;
}

/*
 * Forwarded calls that name memory or hand a hart's entry point to
 * OpenSBI: an error to answer instead, or SBI_ERR_SUCCESS to forward.
 */
static long forward_check(const struct tsm *tsm, unsigned long eid,
			  unsigned long fid, const unsigned long args[6])
{
	switch (eid) {
	case SBI_EXT_DBCN:
		if (fid == SBI_EXT_DBCN_CONSOLE_WRITE ||
		    fid == SBI_EXT_DBCN_CONSOLE_READ) {
			/* RV64: the address is base_addr_lo; _hi must be 0. */
			if (args[2] || !host_accessible(&tsm->host_mem, &tsm->pages,
							args[1], args[0]))
				return SBI_ERR_INVALID_PARAM;
		}
		return SBI_ERR_SUCCESS;
	case SBI_EXT_SRST:
		/*
		 * Checked here, before anything is scrubbed: a refused reset
		 * must leave the TVMs alone.  Reserved values, and vendor or
		 * implementation ones (the TSM implements none), are
		 * INVALID_PARAM as the SBI spec says.
		 */
		if (fid == SBI_EXT_SRST_SYSTEM_RESET &&
		    (!sbi_srst_reset_type_valid(args[0]) ||
		     !sbi_srst_reset_reason_valid(args[1])))
			return SBI_ERR_INVALID_PARAM;
		return SBI_ERR_SUCCESS;
	default:
		return SBI_ERR_SUCCESS;
	}
}

/*
 * Calls the TSM carries out itself, on its harts: a hart must come up
 * in the TSM, IPIs and timers reach the host through hvip, and the
 * host's remote sfence.vma must flush VS-stage translations.
 */
static bool hart_call(unsigned long eid, unsigned long fid)
{
	switch (eid) {
	case SBI_EXT_HSM:
		return fid == SBI_EXT_HSM_HART_START ||
		       fid == SBI_EXT_HSM_HART_STOP ||
		       fid == SBI_EXT_HSM_HART_SUSPEND;
	case SBI_EXT_TIME:
		return fid == SBI_EXT_TIME_SET_TIMER;
	case SBI_EXT_IPI:
		return fid == SBI_EXT_IPI_SEND_IPI;
	case SBI_EXT_RFENCE:
		return fid == SBI_EXT_RFENCE_REMOTE_SFENCE_VMA ||
		       fid == SBI_EXT_RFENCE_REMOTE_SFENCE_VMA_ASID;
	default:
		return false;
	}
}

enum dispatch_action dispatch_sbi_call(struct tsm *tsm, unsigned int from,
				       unsigned long eid, unsigned long a6,
				       const unsigned long args[6],
				       struct sbiret *ret)
{
	const struct sbi_abi_extension *ext = tsm_extension(eid);
	const struct sbi_forwarded_extension *fwd = forwarded(eid);

	if (eid == SBI_EXT_BASE && a6 == SBI_EXT_BASE_PROBE_EXTENSION) {
		long answer = probe(from, args[0]);

		if (answer < 0)
			return DISPATCH_FORWARD;
		*ret = sbiret_value(answer);
		return DISPATCH_ANSWERED;
	}
	if (ext) {
		const struct sbi_abi_call *call;

		/* Reserved bits, or a supervisor domain we do not host. */
		if (a6 & ~COVE_FID_MASK || a6 >= ext->ncalls) {
			*ret = sbiret_error(SBI_ERR_NOT_SUPPORTED);
			return DISPATCH_ANSWERED;
		}
		call = &ext->calls[a6];
		if (!call->call || !(call->callers & from))
			*ret = sbiret_error(SBI_ERR_NOT_SUPPORTED);
		else
			*ret = call->call(tsm, args);
		return DISPATCH_ANSWERED;
	}
	if (fwd) {
		long err = SBI_ERR_NOT_SUPPORTED;

		/* OpenSBI never sees a FID the spec did not check. */
		if (fid_defined(fwd, a6))
			err = forward_check(tsm, eid, a6, args);
		if (err != SBI_ERR_SUCCESS) {
			*ret = sbiret_error(err);
			return DISPATCH_ANSWERED;
		}
		if (eid == SBI_EXT_SRST && a6 == SBI_EXT_SRST_SYSTEM_RESET)
			return DISPATCH_RESET;
		if (hart_call(eid, a6))
			return DISPATCH_HART;
		return DISPATCH_FORWARD;
	}
	*ret = sbiret_error(SBI_ERR_NOT_SUPPORTED);
	return DISPATCH_ANSWERED;
}

const char *dispatch_call_name(unsigned long eid, unsigned long fid,
			       char *buf, unsigned int size)
{
	const struct sbi_abi_extension *ext = tsm_extension(eid);

	if (ext && fid < ext->ncalls && ext->calls[fid].name)
		fmt_snprintf(buf, size, "%s.%s", ext->name, ext->calls[fid].name);
	else
		fmt_snprintf(buf, size, "eid %#lx fid %lu", eid, fid);
	return buf;
}

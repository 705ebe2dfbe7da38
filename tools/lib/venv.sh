# SPDX-License-Identifier: GPL-2.0-only
#
# Sourced by every tools/* front end: finds the checkout, creates .venv on
# first use (and again whenever pyproject.toml's dependencies change), and
# puts the project's Python packages on PYTHONPATH.

# ${x%/*}, not dirname: a front end's no-op is a few tens of milliseconds,
# and every process spawned here would show in it.
covekit_venv_lib=${BASH_SOURCE[0]%/*}
[ "$covekit_venv_lib" = "${BASH_SOURCE[0]}" ] && covekit_venv_lib=.
COVEKIT_ROOT=$(cd "$covekit_venv_lib/../.." && pwd)
COVEKIT_VENV=${COVEKIT_VENV:-$COVEKIT_ROOT/.venv}
COVEKIT_PYTHON=$COVEKIT_VENV/bin/python
export COVEKIT_ROOT
export PYTHONPATH="$COVEKIT_ROOT/codegen:$COVEKIT_ROOT/tools/lib${PYTHONPATH:+:$PYTHONPATH}"

covekit_venv_die() {
	echo "covekit: $*" >&2
	exit 1
}

covekit_venv_ensure() {
	local stamp=$COVEKIT_VENV/.covekit-deps want have="" pyproject=$COVEKIT_ROOT/pyproject.toml
	# The stamp holds the sha256 of the pyproject.toml last installed, and
	# carries that file's mtime (touch -r below): when the mtimes are equal
	# the content was checked already, and no process needs spawning.
	if [ -x "$COVEKIT_PYTHON" ] && [ -r "$stamp" ] && ! [ "$pyproject" -nt "$stamp" ] &&
		! [ "$pyproject" -ot "$stamp" ]; then
		return 0
	fi
	want=$(sha256sum "$pyproject" | cut -d' ' -f1)
	[ -r "$stamp" ] && read -r have <"$stamp"
	if [ "$want" = "$have" ] && [ -x "$COVEKIT_PYTHON" ]; then
		touch -r "$pyproject" "$stamp" 2>/dev/null || true
		return 0
	fi

	local py=${COVEKIT_BOOTSTRAP_PYTHON:-python3}
	command -v "$py" >/dev/null ||
		covekit_venv_die "no $py on PATH; run: sudo tools/install-deps"
	"$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
		covekit_venv_die "$py is older than 3.11; install python3.11 and set COVEKIT_BOOTSTRAP_PYTHON"
	echo "covekit: setting up $COVEKIT_VENV" >&2
	if [ ! -x "$COVEKIT_PYTHON" ]; then
		"$py" -m venv "$COVEKIT_VENV" ||
			covekit_venv_die "'$py -m venv $COVEKIT_VENV' failed; run: sudo tools/install-deps (installs python3-venv)"
	fi
	local deps
	deps=$("$COVEKIT_PYTHON" -c 'import sys, tomllib
print("\n".join(tomllib.load(open(sys.argv[1], "rb"))["project"]["dependencies"]))' \
		"$COVEKIT_ROOT/pyproject.toml") ||
		covekit_venv_die "cannot read dependencies from $COVEKIT_ROOT/pyproject.toml"
	local log=$COVEKIT_VENV/pip-install.log
	# shellcheck disable=SC2086 # one requirement per line, none has spaces
	if ! "$COVEKIT_PYTHON" -m pip install --disable-pip-version-check -q $deps >"$log" 2>&1; then
		tail -n 5 "$log" >&2
		covekit_venv_die "pip install failed (log: $log); rerun the command, or remove $COVEKIT_VENV"
	fi
	echo "$want" >"$stamp"
	touch -r "$pyproject" "$stamp"
}

covekit_venv_ensure

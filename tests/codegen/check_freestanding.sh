#!/usr/bin/env bash
# Fails if any object or archive given refers to the C++ runtime or the heap: the
# generated code must be freestanding (design brief §6).
set -euo pipefail
bad=0
for f in "$@"; do
  if nm -C "$f" 2>/dev/null | grep -E '__cxa_|operator new|operator delete|std::|malloc|free$|__gxx_personality' ; then
    echo "FAIL: $f uses the C++ runtime or the heap"
    bad=1
  fi
done
[ $bad -eq 0 ] && echo "ok: $# objects are freestanding"
exit $bad

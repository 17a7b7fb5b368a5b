#!/usr/bin/env bash
# Builds src/Factdesk.Tuning and runs it: ./src/Factdesk.Tuning/run.sh verify | tune [options] (see Tuner.cs).
# TorchSharp 0.107's libLibTorchSharp.so was built with GCC 13 and asks libstdc++ for GLIBCXX_3.4.32, for one symbol
# (std::ios_base_library_init); Debian 12 has GCC 12's libstdc++. Before the first run this links a one-line shim
# defining that symbol into the copy TorchSharp makes under bin/.../cpu and relaxes the version need
# (native/relax_glibcxx.py). Needs g++, patchelf and python3 (apt-get install g++ patchelf python3).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dotnet build -c Release "$here" -v quiet -nologo >/dev/null
bin="$here/bin/Release/net10.0"
native="$bin/cpu/libLibTorchSharp.so"
if [ ! -f "$native" ]; then
  # TorchSharp copies the natives into cpu/ on its first start; that start fails on Debian 12, which is expected.
  (dotnet "$bin/Factdesk.Tuning.dll" verify) >/dev/null 2>&1 || true
fi
if ldd "$native" 2>&1 | grep -q "GLIBCXX_3.4.32' not found"; then
  echo 'namespace std { void ios_base_library_init() {} }' > "$bin/cpu/iosinit.cpp"
  g++ -shared -fPIC -O2 -o "$bin/cpu/libiosinit.so" "$bin/cpu/iosinit.cpp"
  patchelf --clear-symbol-version _ZSt21ios_base_library_initv "$native"
  patchelf --add-needed libiosinit.so "$native"
  patchelf --set-rpath '$ORIGIN' "$native"
  python3 "$here/native/relax_glibcxx.py" "$native"
fi
exec dotnet "$bin/Factdesk.Tuning.dll" "$@"

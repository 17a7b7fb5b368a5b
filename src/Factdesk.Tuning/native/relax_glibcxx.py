#!/usr/bin/env python3
"""Lets TorchSharp 0.107's libLibTorchSharp.so load on Debian 12 (libstdc++ of GCC 12, GLIBCXX_3.4.30).

It asks GLIBCXX_3.4.32 for one symbol only, std::ios_base_library_init() (GCC 13's iostream start-up hook). The
caller (run.sh) clears that symbol's version and links a one-line shim that defines it; this script then renames the
library's need of GLIBCXX_3.4.32 to GLIBCXX_3.4.30 (same length, hash updated), so the loader accepts the system
libstdc++. Usage: relax_glibcxx.py FILE"""
import struct, sys

def elf_hash(name):
    h = 0
    for c in name.encode():
        h = (h << 4) + c
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h

path = sys.argv[1]
data = bytearray(open(path, 'rb').read())
shoff, = struct.unpack_from('<Q', data, 0x28)
shentsize, shnum = struct.unpack_from('<HH', data, 0x3A)
sections = [struct.unpack_from('<IIQQQQIIQQ', data, shoff + i * shentsize) for i in range(shnum)]
changed = 0
for s in sections:
    if s[1] != 0x6ffffffe:  # SHT_GNU_verneed
        continue
    strtab = sections[s[6]][4]
    off = s[4]
    while True:
        vn_version, vn_cnt, vn_file, vn_aux, vn_next = struct.unpack_from('<HHIII', data, off)
        aux = off + vn_aux
        for _ in range(vn_cnt):
            hsh, flags, other, name, nxt = struct.unpack_from('<IHHII', data, aux)
            start = strtab + name
            end = data.index(0, start)
            if data[start:end] == b'GLIBCXX_3.4.32':
                data[start:end] = b'GLIBCXX_3.4.30'
                struct.pack_into('<I', data, aux, elf_hash('GLIBCXX_3.4.30'))
                changed += 1
            aux += nxt
        if vn_next == 0:
            break
        off += vn_next
open(path, 'wb').write(data)
print(f'{path}: {changed} need(s) of GLIBCXX_3.4.32 renamed')

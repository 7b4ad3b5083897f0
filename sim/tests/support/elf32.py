"""Minimal ELF32 reader for the sim test scripts: symbols and loaded words."""
import struct


class Elf32:
    def __init__(self, path):
        with open(path, "rb") as f:
            self.data = f.read()
        d = self.data
        assert d[:4] == b"\x7fELF" and d[4] == 1 and d[5] == 1, path
        (self.entry, phoff, shoff) = struct.unpack_from("<III", d, 24)
        phentsize, phnum, shentsize, shnum = struct.unpack_from("<HHHH", d, 42)
        self.segments = []  # (vaddr, file bytes)
        for i in range(phnum):
            p_type, off, vaddr, _, filesz = struct.unpack_from(
                "<IIIII", d, phoff + i * phentsize)
            if p_type == 1:
                self.segments.append((vaddr, d[off:off + filesz]))
        self.symbols = {}
        for i in range(shnum):
            sh = shoff + i * shentsize
            sh_type = struct.unpack_from("<I", d, sh + 4)[0]
            if sh_type != 2:  # SHT_SYMTAB
                continue
            off, size, link = struct.unpack_from("<III", d, sh + 16)
            str_off = struct.unpack_from("<I", d, shoff + link * shentsize + 16)[0]
            for s in range(off, off + size, 16):
                name, value, sym_size, _, _, shndx = struct.unpack_from(
                    "<IIIBBH", d, s)
                if name == 0 or shndx == 0:
                    continue
                end = d.index(b"\0", str_off + name)
                self.symbols[d[str_off + name:end].decode()] = (value, sym_size)

    def addr(self, expr):
        """Address of `sym`, `sym+off` or a number."""
        if "+" in expr:
            sym, off = expr.split("+", 1)
            return self.addr(sym) + int(off, 0)
        if expr in self.symbols:
            return self.symbols[expr][0]
        return int(expr, 0)

    def word(self, addr):
        for vaddr, data in self.segments:
            if vaddr <= addr and addr + 4 <= vaddr + len(data):
                return struct.unpack_from("<I", data, addr - vaddr)[0]
        return None

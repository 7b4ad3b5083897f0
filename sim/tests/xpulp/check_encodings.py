#!/usr/bin/env python3
"""Compiles runtime/platform/pulp/xpulp.h for both encodings and checks every
instruction word it emits against the manuals' encoding tables, written out below.

v2 (default): CV32E40P user manual (CORE-V, v1.8 / "v2" encodings), chapter "CORE-V
Instruction Set Extensions": tables "Post-Increment Register-Immediate/Register-
Register Load/Store operations encoding", "Hardware Loops operations encoding",
"MAC operations encoding", "General ALU operations encoding" (cv.clip*) and the
SIMD encoding tables (custom-3, funct5 | F | 0 | rs2 | rs1 | funct3 | rD).
v1 (XPULP_ENCODING_V1): RI5CY user manual (Xpulpv2; also CV32E40P v1.0 manual):
post-increment loads custom-0 with funct3 111 for register increments, stores
custom-1 with funct3 1ss for register increments, hardware loops opcode 1111011 with
funct3 000 starti .. 101 setupi and rd = L, p.clip*/p.mac under OP (0110011), SIMD
under OP-V (1010111) with funct5 | F | 0.

Patterns are written like the manuals' rows, MSB first; '-' marks register fields,
which the compiler chooses. Each test function must contain a word matching its row.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

# name: (C statement, v2 pattern, v1 pattern)
R = "----- -----"  # rs2 rs1
TABLE = {
    "add.b": ("r = xpulp_add_b(a, b);", "0000000 " + R + " 001 ----- 1111011", "0000000 " + R + " 001 ----- 1010111"),
    "add.h": ("r = xpulp_add_h(a, b);", "0000000 " + R + " 000 ----- 1111011", "0000000 " + R + " 000 ----- 1010111"),
    "add.sc.b": ("r = xpulp_add_sc_b(a, b);", "0000000 " + R + " 101 ----- 1111011", "0000000 " + R + " 101 ----- 1010111"),
    "add.sc.h": ("r = xpulp_add_sc_h(a, b);", "0000000 " + R + " 100 ----- 1111011", "0000000 " + R + " 100 ----- 1010111"),
    "sub.b": ("r = xpulp_sub_b(a, b);", "0000100 " + R + " 001 ----- 1111011", "0000100 " + R + " 001 ----- 1010111"),
    "sub.sc.h": ("r = xpulp_sub_sc_h(a, b);", "0000100 " + R + " 100 ----- 1111011", "0000100 " + R + " 100 ----- 1010111"),
    "min.b": ("r = xpulp_min_b(a, b);", "0010000 " + R + " 001 ----- 1111011", "0010000 " + R + " 001 ----- 1010111"),
    "min.h": ("r = xpulp_min_h(a, b);", "0010000 " + R + " 000 ----- 1111011", "0010000 " + R + " 000 ----- 1010111"),
    "minu.b": ("r = xpulp_minu_b(a, b);", "0010100 " + R + " 001 ----- 1111011", "0010100 " + R + " 001 ----- 1010111"),
    "max.b": ("r = xpulp_max_b(a, b);", "0011000 " + R + " 001 ----- 1111011", "0011000 " + R + " 001 ----- 1010111"),
    "max.sc.b": ("r = xpulp_max_sc_b(a, b);", "0011000 " + R + " 101 ----- 1111011", "0011000 " + R + " 101 ----- 1010111"),
    "maxu.h": ("r = xpulp_maxu_h(a, b);", "0011100 " + R + " 000 ----- 1111011", "0011100 " + R + " 000 ----- 1010111"),
    "maxu.sc.b": ("r = xpulp_maxu_sc_b(a, b);", "0011100 " + R + " 101 ----- 1111011", "0011100 " + R + " 101 ----- 1010111"),
    "dotup.b": ("r = xpulp_dotup_b(a, b);", "1000000 " + R + " 001 ----- 1111011", "1000000 " + R + " 001 ----- 1010111"),
    "dotusp.b": ("r = xpulp_dotusp_b(a, b);", "1000100 " + R + " 001 ----- 1111011", "1000100 " + R + " 001 ----- 1010111"),
    "dotsp.b": ("r = xpulp_dotsp_b(a, b);", "1001000 " + R + " 001 ----- 1111011", "1001100 " + R + " 001 ----- 1010111"),
    "dotsp.h": ("r = xpulp_dotsp_h(a, b);", "1001000 " + R + " 000 ----- 1111011", "1001100 " + R + " 000 ----- 1010111"),
    "sdotup.b": ("r = xpulp_sdotup_b(r, a, b);", "1001100 " + R + " 001 ----- 1111011", "1010000 " + R + " 001 ----- 1010111"),
    "sdotup.h": ("r = xpulp_sdotup_h(r, a, b);", "1001100 " + R + " 000 ----- 1111011", "1010000 " + R + " 000 ----- 1010111"),
    "sdotusp.b": ("r = xpulp_sdotusp_b(r, a, b);", "1010000 " + R + " 001 ----- 1111011", "1010100 " + R + " 001 ----- 1010111"),
    "sdotsp.b": ("r = xpulp_sdotsp_b(r, a, b);", "1010100 " + R + " 001 ----- 1111011", "1011100 " + R + " 001 ----- 1010111"),
    "sdotsp.h": ("r = xpulp_sdotsp_h(r, a, b);", "1010100 " + R + " 000 ----- 1111011", "1011100 " + R + " 000 ----- 1010111"),
    "clip 5": ("r = XPULP_CLIP(a, 5);", "0111000 00101 ----- 011 ----- 0101011", "0001010 00101 ----- 001 ----- 0110011"),
    "clipu 9": ("r = XPULP_CLIPU(a, 9);", "0111001 01001 ----- 011 ----- 0101011", "0001010 01001 ----- 010 ----- 0110011"),
    "clipr": ("r = xpulp_clipr(a, b);", "0111010 " + R + " 011 ----- 0101011", "0001010 " + R + " 101 ----- 0110011"),
    "clipur": ("r = xpulp_clipur(a, b);", "0111011 " + R + " 011 ----- 0101011", "0001010 " + R + " 110 ----- 0110011"),
    "mac": ("r = xpulp_mac(r, a, b);", "1001000 " + R + " 011 ----- 0101011", "0100001 " + R + " 000 ----- 0110011"),
    "msu": ("r = xpulp_msu(r, a, b);", "1001001 " + R + " 011 ----- 0101011", "0100001 " + R + " 001 ----- 0110011"),
    "lw imm -4": ("XPULP_LOAD_PI(lw, r, p, -4);", "111111111100 ----- 010 ----- 0001011", "111111111100 ----- 010 ----- 0001011"),
    "lbu imm 3": ("XPULP_LOAD_PI(lbu, r, p, 3);", "000000000011 ----- 100 ----- 0001011", "000000000011 ----- 100 ----- 0001011"),
    "lh imm 2": ("XPULP_LOAD_PI(lh, r, p, 2);", "000000000010 ----- 001 ----- 0001011", "000000000010 ----- 001 ----- 0001011"),
    "lw reg": ("XPULP_LOAD_PR(lw, r, p, b);", "0000010 " + R + " 011 ----- 0101011", "0010000 " + R + " 111 ----- 0001011"),
    "lbu reg": ("XPULP_LOAD_PR(lbu, r, p, b);", "0001000 " + R + " 011 ----- 0101011", "0100000 " + R + " 111 ----- 0001011"),
    "lh reg": ("XPULP_LOAD_PR(lh, r, p, b);", "0000001 " + R + " 011 ----- 0101011", "0001000 " + R + " 111 ----- 0001011"),
    "sw imm 8": ("XPULP_STORE_PI(sw, a, q, 8);", "0000000 " + R + " 010 01000 0101011", "0000000 " + R + " 010 01000 0101011"),
    "sb imm -1": ("XPULP_STORE_PI(sb, a, q, -1);", "1111111 " + R + " 000 11111 0101011", "1111111 " + R + " 000 11111 0101011"),
    "sw reg": ("XPULP_STORE_PR(sw, a, q, b);", "0010010 " + R + " 011 ----- 0101011", "0000000 " + R + " 110 ----- 0101011"),
    "sh reg": ("XPULP_STORE_PR(sh, a, q, b);", "0010001 " + R + " 011 ----- 0101011", "0000000 " + R + " 101 ----- 0101011"),
    # setupi L=0, count 10, 3-instruction body: v2 uimmS = (end - pc) >> 2 = 4;
    # v1 uimmS = (last - pc) >> 1 = 6.
    "setupi": ('__asm__ volatile(XPULP_SETUPI(0, 10, "1f") "nop\\nnop\\nnop\\n1:\\n");',
               "000000001010 00100 100 0110 0 0101011", "000000001010 00110 101 0000 0 1111011"),
    # XPULP_SETUP(1, reg): count, endi (end 20 bytes after it), starti (next insn).
    "setup: count": ('__asm__ volatile(XPULP_SETUP(1, "%0", "1f") "nop\\nnop\\nnop\\n1:\\n" : : "r"(b));',
                     "000000000000 ----- 100 0101 1 0101011", "000000000000 ----- 010 0000 1 1111011"),
    "setup: endi": ('__asm__ volatile(XPULP_SETUP(1, "%0", "1f") "nop\\nnop\\nnop\\n1:\\n" : : "r"(b));',
                    "000000000101 00000 100 0010 1 0101011", "000000001000 00000 001 0000 1 1111011"),
    "setup: starti": ('__asm__ volatile(XPULP_SETUP(1, "%0", "1f") "nop\\nnop\\nnop\\n1:\\n" : : "r"(b));',
                      "000000000001 00000 100 0000 1 0101011", "000000000010 00000 000 0000 1 1111011"),
}


def pattern(p):
    bits = p.replace(" ", "")
    assert len(bits) == 32, p
    mask = int("".join("0" if c == "-" else "1" for c in bits), 2)
    value = int("".join("0" if c == "-" else c for c in bits), 2)
    return mask, value


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cc", required=True)
    ap.add_argument("--objdump", required=True)
    ap.add_argument("--repo", required=True)
    args = ap.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "enc.c")
        with open(src, "w") as f:
            f.write('#include "runtime/platform/pulp/xpulp.h"\n')
            for i, (stmt, _, _) in enumerate(TABLE.values()):
                f.write("uint32_t enc_%d(uint32_t a, uint32_t b, const uint32_t *p, "
                        "uint8_t *q) {\n  uint32_t r = b;\n  %s\n  return r + a + "
                        "(uint32_t)p + (uint32_t)q;\n}\n" % (i, stmt))
        for version, define in (("v2", []), ("v1", ["-DXPULP_ENCODING_V1"])):
            obj = os.path.join(tmp, version + ".o")
            subprocess.run([args.cc, "-march=rv32im", "-mabi=ilp32", "-misa-spec=2.2",
                            "--specs=picolibc.specs", "-O2", "-Wall", "-Wextra", "-Werror",
                            "-I" + args.repo, "-c", src, "-o", obj] + define, check=True)
            dump = subprocess.run([args.objdump, "-d", obj], check=True,
                                  capture_output=True, text=True).stdout
            words, current = {}, None
            for line in dump.splitlines():
                m = re.match(r"^[0-9a-f]+ <enc_(\d+)>:", line)
                if m:
                    current = int(m.group(1))
                    words[current] = []
                    continue
                m = re.match(r"^\s+[0-9a-f]+:\s+([0-9a-f]{8})\s", line)
                if m and current is not None:
                    words[current].append(int(m.group(1), 16))
            for i, (name, row) in enumerate(TABLE.items()):
                mask, value = pattern(row[1] if version == "v2" else row[2])
                if not any((w & mask) == value for w in words.get(i, [])):
                    failures += 1
                    print("FAIL %s %s: expected %08x/%08x, emitted %s" % (
                        version, name, value, mask,
                        " ".join("%08x" % w for w in words.get(i, []))))
        # The header must also compile as C++ (both encodings), when g++ is there.
        cxx = os.path.join(os.path.dirname(args.cc),
                           os.path.basename(args.cc).replace("gcc", "g++"))
        if os.path.exists(cxx) or shutil.which(cxx):
            for define in ([], ["-DXPULP_ENCODING_V1"]):
                subprocess.run([cxx, "-x", "c++", "-march=rv32im", "-mabi=ilp32",
                                "-misa-spec=2.2", "--specs=picolibc.specs", "-O2",
                                "-Wall", "-Wextra", "-Werror", "-I" + args.repo, "-c",
                                src, "-o", os.path.join(tmp, "cxx.o")] + define,
                               check=True)
            print("xpulp.h compiles as C++ (v1 and v2)")
    print("xpulp.h encodings: %d instructions x 2 encodings, %d failures" %
          (len(TABLE), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

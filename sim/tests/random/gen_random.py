#!/usr/bin/env python3
"""Generates a random RV32IM test program (assembly) for the differential tier.

The program sets x1..x30 to random and corner-case values, runs COUNT random
instructions (all RV32IM computational, load/store, branch and jump kinds, plus
bounded loops), then stores x1..x30 and calls kiln_random_dump (random_dump.c),
which prints them and a checksum of the scratch memory. The same assembly is
linked for kiln-sim and for QEMU; their outputs must match.

Rules that keep both builds comparable: x31 holds the scratch base and is never a
data operand (data addresses differ between the builds because the I/O layers
differ in size; code addresses do not, as this file is linked right after crt0);
accesses are aligned; control flow only goes forward, except loop back edges with
a dedicated counter. Output depends only on --seed and --count.
"""
import argparse
import random

R_OPS = ["add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and"]
M_OPS = ["mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"]
I_OPS = ["addi", "slti", "sltiu", "xori", "ori", "andi"]
SHIFT_OPS = ["slli", "srli", "srai"]
LOADS = [("lb", 1), ("lbu", 1), ("lh", 2), ("lhu", 2), ("lw", 4)]
STORES = [("sb", 1), ("sh", 2), ("sw", 4)]
BRANCHES = ["beq", "bne", "blt", "bge", "bltu", "bgeu"]
SPECIAL = [0, 1, 2, 0xffffffff, 0x80000000, 0x7fffffff, 0xfffffffe, 0x80000001,
           31, 32, 33, 0xffff, 0x10000, 0xff]
SCRATCH = 4096  # bytes; x31 points to its middle so every 12-bit offset is usable


class Gen:
    def __init__(self, seed, count):
        self.rng = random.Random(seed)
        self.count = count
        self.lines = []
        self.emitted = 0
        self.pending = []  # [instructions left, label]
        self.label_id = 0
        self.protected = set()  # registers not to be written (loop counters)

    def reg_src(self):
        # Sources: any register but x31; x0 now and then.
        return f"x{self.rng.choice(range(0, 31))}"

    def reg_dst(self):
        while True:
            r = self.rng.choice(range(0, 31))  # x0 included: writes are discarded
            if r not in self.protected:
                return f"x{r}"

    def new_label(self):
        self.label_id += 1
        return f"L{self.label_id}"

    def emit(self, *texts):
        # Several texts form one unit that no branch target may split (AUIPC+JALR).
        for text in texts:
            self.lines.append(f"  {text}")
        self.emitted += len(texts)
        for p in self.pending:
            p[0] -= len(texts)
        for p in [p for p in self.pending if p[0] <= 0]:
            self.lines.append(f"{p[1]}:")
            self.pending.remove(p)

    def flush_labels(self):
        for p in self.pending:
            self.lines.append(f"{p[1]}:")
        self.pending = []

    def imm12(self):
        if self.rng.random() < 0.3:
            return self.rng.choice([0, 1, -1, 2047, -2048, 0x7f0, -0x800 + 1])
        return self.rng.randint(-2048, 2047)

    def mem_offset(self, size):
        return self.rng.randrange(-SCRATCH // 2, SCRATCH // 2, size)

    def one(self, allow_control=True):
        r = self.rng.random()
        if r < 0.25:
            op = self.rng.choice(R_OPS)
            self.emit(f"{op} {self.reg_dst()}, {self.reg_src()}, {self.reg_src()}")
        elif r < 0.40:
            op = self.rng.choice(M_OPS)
            self.emit(f"{op} {self.reg_dst()}, {self.reg_src()}, {self.reg_src()}")
        elif r < 0.55:
            op = self.rng.choice(I_OPS)
            self.emit(f"{op} {self.reg_dst()}, {self.reg_src()}, {self.imm12()}")
        elif r < 0.60:
            op = self.rng.choice(SHIFT_OPS)
            self.emit(f"{op} {self.reg_dst()}, {self.reg_src()}, {self.rng.randint(0, 31)}")
        elif r < 0.63:
            op = self.rng.choice(["lui", "auipc"])
            self.emit(f"{op} {self.reg_dst()}, {self.rng.randint(0, 0xfffff)}")
        elif r < 0.66:
            # Fresh entropy: AND, MUL and compares drive registers towards 0/-1.
            rd = self.reg_dst()
            self.emit(f"lui {rd}, {self.rng.randint(0, 0xfffff)}")
            self.emit(f"xori {rd}, {rd}, {self.imm12()}")
        elif r < 0.75:
            op, size = self.rng.choice(LOADS)
            self.emit(f"{op} {self.reg_dst()}, {self.mem_offset(size)}(x31)")
        elif r < 0.85:
            op, size = self.rng.choice(STORES)
            self.emit(f"{op} {self.reg_src()}, {self.mem_offset(size)}(x31)")
        elif r < 0.93 and allow_control:
            label = self.new_label()
            self.pending.append([self.rng.randint(1, 8), label])
            op = self.rng.choice(BRANCHES)
            self.emit(f"{op} {self.reg_src()}, {self.reg_src()}, {label}")
        elif r < 0.96 and allow_control:
            label = self.new_label()
            self.pending.append([self.rng.randint(1, 8), label])
            self.emit(f"jal {self.reg_dst()}, {label}")
        elif r < 0.98 and allow_control:
            # JALR over `skip` instructions, relative to an AUIPC.
            base = self.reg_dst()
            while base == "x0":
                base = self.reg_dst()
            skip = self.rng.randint(0, 4)
            self.emit(f"auipc {base}, 0", f"jalr {self.reg_dst()}, {8 + 4 * skip}({base})")
            for _ in range(skip):
                self.one(allow_control=False)
        else:
            self.emit("fence" if self.rng.random() < 0.2 else
                      f"add {self.reg_dst()}, {self.reg_src()}, x0")

    def loop(self):
        # A bounded loop: the counter is protected from the random body, and no
        # branch crosses the loop boundaries.
        self.flush_labels()
        counter = self.rng.choice([r for r in range(1, 31) if r not in self.protected])
        self.protected.add(counter)
        head = self.new_label()
        self.emit(f"addi x{counter}, x0, {self.rng.randint(1, 6)}")
        self.lines.append(f"{head}:")
        for _ in range(self.rng.randint(2, 12)):
            self.one()
        self.flush_labels()
        self.emit(f"addi x{counter}, x{counter}, -1")
        self.emit(f"bnez x{counter}, {head}")
        self.protected.discard(counter)

    def program(self):
        out = ["// Generated by sim/tests/random/gen_random.py; do not edit.",
               "  .text", "  .globl main", "main:",
               "  la t0, saved", "  sw ra, 0(t0)", "  sw sp, 4(t0)", "  sw gp, 8(t0)",
               "  sw tp, 12(t0)", "  la x31, scratch + 2048"]
        for r in range(1, 31):
            v = (self.rng.choice(SPECIAL) if self.rng.random() < 0.4
                 else self.rng.getrandbits(32))
            out.append(f"  li x{r}, {v:#x}")
        while self.emitted < self.count:
            if self.rng.random() < 0.01:
                self.loop()
            else:
                self.one()
        self.flush_labels()
        self.lines.append("  la x31, regdump")
        for r in range(1, 31):
            self.lines.append(f"  sw x{r}, {4 * (r - 1)}(x31)")
        self.lines += ["  la t0, saved", "  lw ra, 0(t0)", "  lw sp, 4(t0)",
                       "  lw gp, 8(t0)", "  lw tp, 12(t0)", "  addi sp, sp, -16",
                       "  sw ra, 12(sp)", "  la a0, regdump", "  la a1, scratch",
                       f"  li a2, {SCRATCH}", "  call kiln_random_dump",
                       "  lw ra, 12(sp)", "  addi sp, sp, 16", "  li a0, 0", "  ret"]
        data = ["  .data", "  .align 4", "saved:", "  .space 16", "regdump:",
                "  .space 120", "scratch:"]
        for _ in range(SCRATCH // 16):
            words = ", ".join(f"{self.rng.getrandbits(32):#010x}" for _ in range(4))
            data.append(f"  .word {words}")
        return "\n".join(out + self.lines + data) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    text = Gen(args.seed, args.count).program()
    with open(args.output, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()

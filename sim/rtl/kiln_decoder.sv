// Instruction decoder of the kiln core: turns one RV32IM + Zicsr + CORE-V (CV32E40P v2
// encodings) instruction word into the control signals of the EX stage, and flags
// every encoding it does not know.
module kiln_decoder
  import kiln_pkg::*;
(
  input  logic [31:0] instr_i,

  output logic        illegal_o,
  output logic        ecall_o,
  output logic        ebreak_o,

  output logic [4:0]  rs1_o,
  output logic [4:0]  rs2_o,
  output logic [4:0]  rd_o,
  output logic        rs1_used_o,
  output logic        rs2_used_o,
  output logic        rf_we_o,
  output logic        rs3_used_o,    // the rd field is read as a third source (rs3/rD)
  output logic [2:0]  result_sel_o,  // 0 ALU, 1 PC+4, 2 CSR, 3 mul/div, 4 kiln_xpulp

  output alu_op_e     alu_op_o,
  output op_a_src_e   op_a_src_o,
  output logic        op_b_imm_o,
  output logic [31:0] imm_o,

  output logic        load_o,
  output logic        store_o,
  output logic [1:0]  mem_size_o,  // 0 byte, 1 half, 2 word
  output logic        mem_unsigned_o,
  output addr_mode_e  addr_mode_o,
  output logic        postinc_o,     // rs1 += increment (post-increment load/store)
  output inc_sel_e    inc_sel_o,

  output logic        branch_o,
  output logic [2:0]  branch_cond_o,  // funct3 of the branch
  output logic        jal_o,
  output logic        jalr_o,
  output logic        fencei_o,

  output logic        csr_o,
  output csr_op_e     csr_op_o,
  output logic        csr_imm_o,  // CSRR*I: the rs1 field is a 5-bit immediate

  output logic        md_o,
  output md_op_e      md_op_o,

  output xp_op_e      xp_op_o,
  output logic        xp_half_o,
  output logic        xp_sc_o,

  output logic        hwlp_o,        // hardware-loop setup: funct4 in hwlp_op_o
  output logic [2:0]  hwlp_op_o,
  output logic        hwlp_l_o       // loop number
);

  logic [6:0] opcode;
  logic [2:0] funct3;
  logic [6:0] funct7;
  assign opcode = instr_i[6:0];
  assign funct3 = instr_i[14:12];
  assign funct7 = instr_i[31:25];

  assign rs1_o = instr_i[19:15];
  assign rs2_o = instr_i[24:20];
  assign rd_o  = instr_i[11:7];

  // Immediates of every format.
  logic [31:0] imm_i, imm_s, imm_b, imm_u, imm_j;
  assign imm_i = {{20{instr_i[31]}}, instr_i[31:20]};
  assign imm_s = {{20{instr_i[31]}}, instr_i[31:25], instr_i[11:7]};
  assign imm_b = {{19{instr_i[31]}}, instr_i[31], instr_i[7], instr_i[30:25],
                  instr_i[11:8], 1'b0};
  assign imm_u = {instr_i[31:12], 12'b0};
  assign imm_j = {{11{instr_i[31]}}, instr_i[31], instr_i[19:12], instr_i[20],
                  instr_i[30:21], 1'b0};

  always_comb begin
    illegal_o      = 1'b0;
    ecall_o        = 1'b0;
    ebreak_o       = 1'b0;
    rs1_used_o     = 1'b0;
    rs2_used_o     = 1'b0;
    rf_we_o        = 1'b0;
    rs3_used_o     = 1'b0;
    result_sel_o   = 3'd0;
    alu_op_o       = AluAdd;
    op_a_src_o     = OpASrcRs1;
    op_b_imm_o     = 1'b1;
    imm_o          = imm_i;
    load_o         = 1'b0;
    store_o        = 1'b0;
    mem_size_o     = funct3[1:0];
    mem_unsigned_o = funct3[2];
    branch_o       = 1'b0;
    branch_cond_o  = funct3;
    jal_o          = 1'b0;
    jalr_o         = 1'b0;
    fencei_o       = 1'b0;
    csr_o          = 1'b0;
    csr_op_o       = CsrOpWrite;
    csr_imm_o      = funct3[2];
    md_o           = 1'b0;
    md_op_o        = md_op_e'(funct3);
    addr_mode_o    = AddrRs1Imm;
    postinc_o      = 1'b0;
    inc_sel_o      = IncImm;
    xp_op_o        = XpAdd;
    xp_half_o      = 1'b0;
    xp_sc_o        = 1'b0;
    hwlp_o         = 1'b0;
    hwlp_op_o      = instr_i[10:8];
    hwlp_l_o       = instr_i[7];

    unique case (opcode)
      OpcLui: begin
        rf_we_o  = 1'b1;
        alu_op_o = AluPassB;
        imm_o    = imm_u;
      end
      OpcAuipc: begin
        rf_we_o    = 1'b1;
        op_a_src_o = OpASrcPc;
        imm_o      = imm_u;
      end
      OpcJal: begin
        rf_we_o      = 1'b1;
        result_sel_o = 3'd1;
        jal_o        = 1'b1;
        imm_o        = imm_j;
      end
      OpcJalr: begin
        rf_we_o      = 1'b1;
        result_sel_o = 3'd1;
        jalr_o       = 1'b1;
        rs1_used_o   = 1'b1;
        illegal_o    = (funct3 != 3'b000);
      end
      OpcBranch: begin
        branch_o   = 1'b1;
        rs1_used_o = 1'b1;
        rs2_used_o = 1'b1;
        imm_o      = imm_b;
        illegal_o  = (funct3[2:1] == 2'b01);
      end
      OpcLoad: begin
        load_o     = 1'b1;
        rf_we_o    = 1'b1;
        rs1_used_o = 1'b1;
        illegal_o  = (funct3[1:0] == 2'b11) || (funct3 == 3'b110);
      end
      OpcStore: begin
        store_o    = 1'b1;
        rs1_used_o = 1'b1;
        rs2_used_o = 1'b1;
        imm_o      = imm_s;
        illegal_o  = (funct3[2] || funct3[1:0] == 2'b11);
      end
      OpcOpImm: begin
        rf_we_o    = 1'b1;
        rs1_used_o = 1'b1;
        unique case (funct3)
          3'b000: alu_op_o = AluAdd;
          3'b010: alu_op_o = AluSlt;
          3'b011: alu_op_o = AluSltu;
          3'b100: alu_op_o = AluXor;
          3'b110: alu_op_o = AluOr;
          3'b111: alu_op_o = AluAnd;
          3'b001: begin
            alu_op_o  = AluSll;
            illegal_o = (funct7 != 7'b0000000);
          end
          default: begin  // 3'b101
            alu_op_o  = funct7[5] ? AluSra : AluSrl;
            illegal_o = (funct7 != 7'b0000000) && (funct7 != 7'b0100000);
          end
        endcase
      end
      OpcOp: begin
        rf_we_o    = 1'b1;
        rs1_used_o = 1'b1;
        rs2_used_o = 1'b1;
        op_b_imm_o = 1'b0;
        if (funct7 == 7'b0000001) begin
          md_o         = 1'b1;
          result_sel_o = 3'd3;
        end else begin
          unique case (funct3)
            3'b000: alu_op_o = funct7[5] ? AluSub : AluAdd;
            3'b001: alu_op_o = AluSll;
            3'b010: alu_op_o = AluSlt;
            3'b011: alu_op_o = AluSltu;
            3'b100: alu_op_o = AluXor;
            3'b101: alu_op_o = funct7[5] ? AluSra : AluSrl;
            3'b110: alu_op_o = AluOr;
            default: alu_op_o = AluAnd;
          endcase
          // Only ADD/SUB and SRL/SRA have a funct7 of 0100000.
          illegal_o = !((funct7 == 7'b0000000) ||
                        (funct7 == 7'b0100000 && (funct3 == 3'b000 || funct3 == 3'b101)));
        end
      end
      OpcFence: begin
        // FENCE orders nothing in a single in-order hart with one memory; FENCE.I
        // refetches so that code written by stores is seen.
        fencei_o  = (funct3 == 3'b001);
        illegal_o = (funct3[2:1] != 2'b00);
      end
      OpcSystem: begin
        if (funct3 == 3'b000) begin
          unique case (instr_i)
            32'h0000_0073: ecall_o  = 1'b1;
            32'h0010_0073: ebreak_o = 1'b1;
            32'h1050_0073: ;  // WFI: no interrupts exist, so it is a NOP
            default:       illegal_o = 1'b1;
          endcase
        end else if (funct3 == 3'b100) begin
          illegal_o = 1'b1;
        end else begin
          csr_o        = 1'b1;
          rf_we_o      = 1'b1;
          result_sel_o = 3'd2;
          rs1_used_o   = !funct3[2];
          unique case (funct3[1:0])
            2'b01:   csr_op_o = CsrOpWrite;
            2'b10:   csr_op_o = CsrOpSet;
            default: csr_op_o = CsrOpClear;
          endcase
        end
      end
      OpcCustom0: begin
        // cv.lb/lh/lw/lbu/lhu rD, (rs1), Imm: load from rs1, then rs1 += Imm.
        load_o      = 1'b1;
        rf_we_o     = 1'b1;
        rs1_used_o  = 1'b1;
        addr_mode_o = AddrRs1;
        postinc_o   = 1'b1;
        illegal_o   = (funct3[1:0] == 2'b11) || (funct3 == 3'b110);
      end
      OpcCustom1: begin
        unique case (funct3)
          3'b000, 3'b001, 3'b010: begin
            // cv.sb/sh/sw rs2, (rs1), Imm
            store_o     = 1'b1;
            rs1_used_o  = 1'b1;
            rs2_used_o  = 1'b1;
            imm_o       = imm_s;
            addr_mode_o = AddrRs1;
            postinc_o   = 1'b1;
          end
          3'b011: begin
            rs1_used_o = 1'b1;
            rs2_used_o = 1'b1;
            if (funct7[6:4] == 3'b000 && funct7[1:0] != 2'b11 &&
                !(funct7[3] && funct7[1])) begin
              // Register-register loads: funct7 = 000 u p ss (u: unsigned, p: no
              // post-increment, ss: size). cv.lX rD, (rs1), rs2 / cv.lX rD, rs2(rs1).
              load_o         = 1'b1;
              rf_we_o        = 1'b1;
              mem_size_o     = funct7[1:0];
              mem_unsigned_o = funct7[3];
              postinc_o      = !funct7[2];
              addr_mode_o    = funct7[2] ? AddrRs1Rs2 : AddrRs1;
              inc_sel_o      = IncRs2;
            end else if (funct7[6:3] == 4'b0010 && funct7[1:0] != 2'b11) begin
              // Register-register stores: cv.sX rs2, (rs1), rs3 / cv.sX rs2, rs3(rs1).
              store_o     = 1'b1;
              rs3_used_o  = 1'b1;
              mem_size_o  = funct7[1:0];
              postinc_o   = !funct7[2];
              addr_mode_o = funct7[2] ? AddrRs1Rs3 : AddrRs1;
              inc_sel_o   = IncRs3;
            end else if (funct7[6:2] == 5'b01110) begin
              // cv.clip, cv.clipu (rs2 field = Is2), cv.clipr, cv.clipur.
              rf_we_o      = 1'b1;
              result_sel_o = 3'd4;
              rs2_used_o   = funct7[1];
              unique case (funct7[1:0])
                2'b00:   xp_op_o = XpClip;
                2'b01:   xp_op_o = XpClipu;
                2'b10:   xp_op_o = XpClipr;
                default: xp_op_o = XpClipur;
              endcase
            end else if (funct7[6:1] == 6'b100100) begin
              // cv.mac, cv.msu: rD +/-= rs1 * rs2.
              rf_we_o      = 1'b1;
              rs3_used_o   = 1'b1;
              result_sel_o = 3'd4;
              xp_op_o      = funct7[0] ? XpMsu : XpMac;
            end else begin
              illegal_o = 1'b1;
            end
          end
          3'b100: begin
            // Hardware loops: funct4 = instr[11:8], L = instr[7]. Odd funct4 read rs1;
            // the immediate forms need rs1 = 0 (but cv.setupi, whose uimmS is there),
            // the register forms (but cv.setup) an immediate of 0.
            hwlp_o     = 1'b1;
            rs1_used_o = instr_i[8];
            illegal_o  = instr_i[11] ||
                         (!instr_i[8] && instr_i[10:9] != 2'b11 && rs1_o != 5'd0) ||
                         (instr_i[8] && instr_i[10:9] != 2'b11 && instr_i[31:20] != 12'd0);
          end
          default: illegal_o = 1'b1;
        endcase
      end
      OpcCustom3: begin
        // Packed SIMD: funct5 = instr[31:27], F = instr[26], instr[25] = 0; funct3 000
        // .h, 001 .b, 100 .sc.h, 101 .sc.b (.sci forms are not implemented).
        rf_we_o      = 1'b1;
        rs1_used_o   = 1'b1;
        rs2_used_o   = 1'b1;
        result_sel_o = 3'd4;
        xp_half_o    = !funct3[0];
        xp_sc_o      = funct3[2];
        illegal_o    = funct3[1] || instr_i[26] || instr_i[25];
        unique case (instr_i[31:27])
          5'b00000: xp_op_o = XpAdd;
          5'b00001: xp_op_o = XpSub;
          5'b00100: xp_op_o = XpMin;
          5'b00101: xp_op_o = XpMinu;
          5'b00110: xp_op_o = XpMax;
          5'b00111: xp_op_o = XpMaxu;
          5'b10000: xp_op_o = XpDotup;
          5'b10001: xp_op_o = XpDotusp;
          5'b10010: xp_op_o = XpDotsp;
          5'b10011: xp_op_o = XpSdotup;
          5'b10100: xp_op_o = XpSdotusp;
          5'b10101: xp_op_o = XpSdotsp;
          default:  illegal_o = 1'b1;
        endcase
        rs3_used_o = (instr_i[31:27] == 5'b10011) || (instr_i[31:27] == 5'b10100) ||
                     (instr_i[31:27] == 5'b10101);
      end
      default: illegal_o = 1'b1;
    endcase

    // No compressed instructions: the two low bits of every instruction are 11.
    if (instr_i[1:0] != 2'b11) illegal_o = 1'b1;
  end

endmodule

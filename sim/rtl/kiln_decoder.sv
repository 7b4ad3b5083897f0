// Instruction decoder of the kiln core: turns one RV32IM + Zicsr instruction word into
// the control signals of the EX stage, and flags every encoding it does not know.
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
  output logic [1:0]  result_sel_o,  // 0 ALU, 1 PC+4, 2 CSR, 3 mul/div

  output alu_op_e     alu_op_o,
  output op_a_src_e   op_a_src_o,
  output logic        op_b_imm_o,
  output logic [31:0] imm_o,

  output logic        load_o,
  output logic        store_o,
  output logic [1:0]  mem_size_o,  // 0 byte, 1 half, 2 word
  output logic        mem_unsigned_o,

  output logic        branch_o,
  output logic [2:0]  branch_cond_o,  // funct3 of the branch
  output logic        jal_o,
  output logic        jalr_o,
  output logic        fencei_o,

  output logic        csr_o,
  output csr_op_e     csr_op_o,
  output logic        csr_imm_o,  // CSRR*I: the rs1 field is a 5-bit immediate

  output logic        md_o,
  output md_op_e      md_op_o
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
    result_sel_o   = 2'd0;
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
        result_sel_o = 2'd1;
        jal_o        = 1'b1;
        imm_o        = imm_j;
      end
      OpcJalr: begin
        rf_we_o      = 1'b1;
        result_sel_o = 2'd1;
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
          result_sel_o = 2'd3;
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
          result_sel_o = 2'd2;
          rs1_used_o   = !funct3[2];
          unique case (funct3[1:0])
            2'b01:   csr_op_o = CsrOpWrite;
            2'b10:   csr_op_o = CsrOpSet;
            default: csr_op_o = CsrOpClear;
          endcase
        end
      end
      default: illegal_o = 1'b1;
    endcase

    // No compressed instructions: the two low bits of every instruction are 11.
    if (instr_i[1:0] != 2'b11) illegal_o = 1'b1;
  end

endmodule

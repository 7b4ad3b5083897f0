// Integer ALU of the kiln core: the RV32I arithmetic, logic, shift and compare
// operations in one cycle; branch conditions are evaluated here too.
module kiln_alu
  import kiln_pkg::*;
(
  input  alu_op_e     op_i,
  input  logic [31:0] a_i,
  input  logic [31:0] b_i,
  output logic [31:0] result_o,

  // Branch comparison of the two register operands (funct3 of the branch).
  input  logic [2:0]  cond_i,
  input  logic [31:0] cmp_a_i,
  input  logic [31:0] cmp_b_i,
  output logic        cond_true_o
);

  logic [4:0] shamt;
  assign shamt = b_i[4:0];

  always_comb begin
    unique case (op_i)
      AluAdd:  result_o = a_i + b_i;
      AluSub:  result_o = a_i - b_i;
      AluSll:  result_o = a_i << shamt;
      AluSlt:  result_o = {31'b0, $signed(a_i) < $signed(b_i)};
      AluSltu: result_o = {31'b0, a_i < b_i};
      AluXor:  result_o = a_i ^ b_i;
      AluSrl:  result_o = a_i >> shamt;
      AluSra:  result_o = $unsigned($signed(a_i) >>> shamt);
      AluOr:   result_o = a_i | b_i;
      AluAnd:  result_o = a_i & b_i;
      default: result_o = b_i;  // AluPassB
    endcase
  end

  logic eq, lt, ltu;
  assign eq  = (cmp_a_i == cmp_b_i);
  assign lt  = $signed(cmp_a_i) < $signed(cmp_b_i);
  assign ltu = cmp_a_i < cmp_b_i;

  always_comb begin
    unique case (cond_i)
      3'b000:  cond_true_o = eq;    // BEQ
      3'b001:  cond_true_o = !eq;   // BNE
      3'b100:  cond_true_o = lt;    // BLT
      3'b101:  cond_true_o = !lt;   // BGE
      3'b110:  cond_true_o = ltu;   // BLTU
      3'b111:  cond_true_o = !ltu;  // BGEU
      default: cond_true_o = 1'b0;  // illegal, flagged by the decoder
    endcase
  end

endmodule

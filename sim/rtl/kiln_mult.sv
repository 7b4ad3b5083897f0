// Multiplier of the kiln core: MUL in one cycle on a 32x32 array, MULH/MULHSU/MULHU
// in five cycles on a shared 17x17 signed multiplier, as CV32E40P does.
//
// MULH* cycle 0 latches the operands, cycles 1-3 accumulate three 16-bit partial
// products and cycle 4 adds the last one and returns the upper word.
module kiln_mult
  import kiln_pkg::*;
(
  input  logic        clk_i,
  input  logic        rst_ni,

  input  logic        valid_i,  // a multiply is in EX with its operands ready
  input  md_op_e      op_i,
  input  logic [31:0] a_i,
  input  logic [31:0] b_i,
  output logic [31:0] result_o,
  output logic        done_o    // result_o is valid; EX completes this cycle
);

  logic        high_op;
  assign high_op = (op_i != MdMul);

  // MUL: only the low word is needed, which is the same for every signedness.
  logic [31:0] mul_low;
  assign mul_low = a_i * b_i;

  logic [2:0]  step_q;  // 0: idle, 1..4: partial product being added
  logic [15:0] a_lo_q, a_hi_q, b_lo_q, b_hi_q;
  logic        a_sext_q, b_sext_q;
  logic [63:0] acc_q;

  // The shared 17x17 signed multiplier. A high half gets its sign bit as bit 16 when
  // the operand is signed; a low half is always zero-extended.
  logic signed [16:0] mul_a, mul_b;
  logic signed [33:0] pp;
  logic [63:0]        pp_shifted;
  always_comb begin
    unique case (step_q)
      3'd1: begin mul_a = {1'b0, a_lo_q}; mul_b = {1'b0, b_lo_q}; end
      3'd2: begin mul_a = {1'b0, a_lo_q}; mul_b = {b_sext_q & b_hi_q[15], b_hi_q}; end
      3'd3: begin mul_a = {a_sext_q & a_hi_q[15], a_hi_q}; mul_b = {1'b0, b_lo_q}; end
      default: begin
        mul_a = {a_sext_q & a_hi_q[15], a_hi_q};
        mul_b = {b_sext_q & b_hi_q[15], b_hi_q};
      end
    endcase
    pp = mul_a * mul_b;
    unique case (step_q)
      3'd1:       pp_shifted = {{30{pp[33]}}, pp};
      3'd2, 3'd3: pp_shifted = {{14{pp[33]}}, pp, 16'b0};
      default:    pp_shifted = {pp[31:0], 32'b0};
    endcase
  end

  logic [63:0] acc_sum;
  assign acc_sum = acc_q + pp_shifted;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      step_q   <= '0;
      a_lo_q   <= '0;
      a_hi_q   <= '0;
      b_lo_q   <= '0;
      b_hi_q   <= '0;
      a_sext_q <= 1'b0;
      b_sext_q <= 1'b0;
      acc_q    <= '0;
    end else if (step_q == 3'd0) begin
      if (valid_i && high_op) begin
        {a_hi_q, a_lo_q} <= a_i;
        {b_hi_q, b_lo_q} <= b_i;
        a_sext_q <= (op_i == MdMulh) || (op_i == MdMulhsu);
        b_sext_q <= (op_i == MdMulh);
        acc_q    <= '0;
        step_q   <= 3'd1;
      end
    end else begin
      acc_q  <= acc_sum;
      step_q <= (step_q == 3'd4) ? 3'd0 : step_q + 3'd1;
    end
  end

  assign done_o   = valid_i && (high_op ? (step_q == 3'd4) : 1'b1);
  assign result_o = high_op ? acc_sum[63:32] : mul_low;

endmodule

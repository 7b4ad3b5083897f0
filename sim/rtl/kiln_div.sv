// Serial divider of the kiln core for DIV, DIVU, REM and REMU: one quotient bit per
// cycle, skipping the leading zeros of the divisor, so it takes 3 + clz(|b|) cycles
// (3 to 35, with clz(0) = 32).
//
// Cycle 0 latches the magnitudes and normalises the divisor, cycles 1..clz+1 are the
// restoring-division steps and the last cycle fixes the signs and returns the result.
module kiln_div
  import kiln_pkg::*;
(
  input  logic        clk_i,
  input  logic        rst_ni,

  input  logic        valid_i,  // a divide is in EX with its operands ready
  input  md_op_e      op_i,
  input  logic [31:0] a_i,
  input  logic [31:0] b_i,
  output logic [31:0] result_o,
  output logic        done_o
);

  typedef enum logic [1:0] {
    DivIdle,
    DivIter,
    DivFinish
  } div_state_e;

  div_state_e  state_q;
  logic [5:0]  steps_q;   // quotient bits still to compute
  logic [31:0] rem_q;     // partial remainder (magnitude)
  logic [31:0] divisor_q; // normalised divisor, shifted right every step
  logic [31:0] quo_q;
  logic [31:0] a_q;       // original dividend, the remainder of a division by zero
  logic        b_zero_q, neg_quo_q, neg_rem_q, want_rem_q;

  logic        is_signed;
  logic [31:0] a_abs, b_abs;
  assign is_signed = (op_i == MdDiv) || (op_i == MdRem);
  assign a_abs = (is_signed && a_i[31]) ? 32'(-a_i) : a_i;
  assign b_abs = (is_signed && b_i[31]) ? 32'(-b_i) : b_i;

  // Leading zeros of the divisor magnitude (32 for zero), by halving steps: five
  // comparisons instead of a 32-way priority chain, which simulates much faster.
  logic [5:0]  clz;
  logic [31:0] clz_x;
  always_comb begin
    clz   = 6'd0;
    clz_x = b_abs;
    if (clz_x == 32'd0) begin
      clz = 6'd32;
    end else begin
      if (clz_x[31:16] == 16'd0) begin clz = clz + 6'd16; clz_x = clz_x << 16; end
      if (clz_x[31:24] == 8'd0)  begin clz = clz + 6'd8;  clz_x = clz_x << 8;  end
      if (clz_x[31:28] == 4'd0)  begin clz = clz + 6'd4;  clz_x = clz_x << 4;  end
      if (clz_x[31:30] == 2'd0)  begin clz = clz + 6'd2;  clz_x = clz_x << 2;  end
      if (clz_x[31] == 1'b0)     begin clz = clz + 6'd1; end
    end
  end

  logic        fits;
  assign fits = (rem_q >= divisor_q);

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q    <= DivIdle;
      steps_q    <= '0;
      rem_q      <= '0;
      divisor_q  <= '0;
      quo_q      <= '0;
      a_q        <= '0;
      b_zero_q   <= 1'b0;
      neg_quo_q  <= 1'b0;
      neg_rem_q  <= 1'b0;
      want_rem_q <= 1'b0;
    end else begin
      unique case (state_q)
        DivIdle: begin
          if (valid_i) begin
            steps_q    <= clz + 6'd1;
            rem_q      <= a_abs;
            divisor_q  <= b_abs << clz[4:0];
            quo_q      <= '0;
            a_q        <= a_i;
            b_zero_q   <= (b_i == 32'd0);
            neg_quo_q  <= is_signed && (a_i[31] ^ b_i[31]);
            neg_rem_q  <= is_signed && a_i[31];
            want_rem_q <= op_i[1];
            state_q    <= DivIter;
          end
        end
        DivIter: begin
          if (fits) rem_q <= rem_q - divisor_q;
          quo_q     <= {quo_q[30:0], fits};
          divisor_q <= divisor_q >> 1;
          steps_q   <= steps_q - 6'd1;
          if (steps_q == 6'd1) state_q <= DivFinish;
        end
        default: state_q <= DivIdle;  // DivFinish: EX takes the result this cycle
      endcase
    end
  end

  always_comb begin
    if (want_rem_q) begin
      result_o = b_zero_q ? a_q : (neg_rem_q ? 32'(-rem_q) : rem_q);
    end else begin
      result_o = b_zero_q ? 32'hFFFF_FFFF : (neg_quo_q ? 32'(-quo_q) : quo_q);
    end
  end
  assign done_o = (state_q == DivFinish);

endmodule

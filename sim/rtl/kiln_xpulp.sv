// CORE-V DSP unit of the kiln core: packed 8/16-bit SIMD add/sub/min/max, dot products
// with and without accumulation, clip and 32-bit multiply-accumulate, all in one cycle.
module kiln_xpulp
  import kiln_pkg::*;
(
  input  xp_op_e      op_i,
  input  logic        half_i,  // 1: two 16-bit lanes (.h), 0: four 8-bit lanes (.b)
  input  logic        sc_i,    // .sc: lane 0 of b_i replicated to every lane
  input  logic [31:0] a_i,     // rs1
  input  logic [31:0] b_i,     // rs2, or the 5-bit Is2 of cv.clip/cv.clipu
  input  logic [31:0] c_i,     // rD (accumulator of sdot*, mac, msu)
  output logic [31:0] result_o
);

  // Operand b with the scalar form applied.
  logic [31:0] b;
  always_comb begin
    if (!sc_i)       b = b_i;
    else if (half_i) b = {2{b_i[15:0]}};
    else             b = {4{b_i[7:0]}};
  end

  // Lane-wise operations: each 8-bit lane, and each 16-bit lane, computed apart.
  logic [7:0]  lane_b [4];
  logic [15:0] lane_h [2];
  always_comb begin
    for (int i = 0; i < 4; i++) begin
      logic [7:0] x, y;
      x = a_i[8*i +: 8];
      y = b[8*i +: 8];
      unique case (op_i)
        XpSub:   lane_b[i] = x - y;
        XpMin:   lane_b[i] = ($signed(x) < $signed(y)) ? x : y;
        XpMinu:  lane_b[i] = (x < y) ? x : y;
        XpMax:   lane_b[i] = ($signed(x) > $signed(y)) ? x : y;
        XpMaxu:  lane_b[i] = (x > y) ? x : y;
        default: lane_b[i] = x + y;
      endcase
    end
    for (int i = 0; i < 2; i++) begin
      logic [15:0] x, y;
      x = a_i[16*i +: 16];
      y = b[16*i +: 16];
      unique case (op_i)
        XpSub:   lane_h[i] = x - y;
        XpMin:   lane_h[i] = ($signed(x) < $signed(y)) ? x : y;
        XpMinu:  lane_h[i] = (x < y) ? x : y;
        XpMax:   lane_h[i] = ($signed(x) > $signed(y)) ? x : y;
        XpMaxu:  lane_h[i] = (x > y) ? x : y;
        default: lane_h[i] = x + y;
      endcase
    end
  end

  // Dot products: a's lanes are unsigned for dotup only, b's for dotup and dotusp.
  logic a_signed, b_signed;
  assign a_signed = (op_i == XpDotsp) || (op_i == XpSdotsp);
  assign b_signed = (op_i == XpDotsp) || (op_i == XpSdotsp) ||
                    (op_i == XpDotusp) || (op_i == XpSdotusp);
  logic [31:0] dot_h, dot_b;
  logic signed [16:0] hx [2];
  logic signed [16:0] hy [2];
  logic signed [8:0]  bx [4];
  logic signed [8:0]  by [4];
  always_comb begin
    dot_h = '0;
    for (int i = 0; i < 2; i++) begin
      hx[i] = {a_signed && a_i[16*i+15], a_i[16*i +: 16]};
      hy[i] = {b_signed && b[16*i+15], b[16*i +: 16]};
      dot_h = dot_h + 32'(hx[i] * hy[i]);
    end
    dot_b = '0;
    for (int i = 0; i < 4; i++) begin
      bx[i] = {a_signed && a_i[8*i+7], a_i[8*i +: 8]};
      by[i] = {b_signed && b[8*i+7], b[8*i +: 8]};
      dot_b = dot_b + 32'(bx[i] * by[i]);
    end
  end
  logic [31:0] dot;
  assign dot = half_i ? dot_h : dot_b;

  // Clip bounds. cv.clip/cv.clipu: Is2 in b_i[4:0], upper bound 2^(Is2-1) - 1 (Is2 = 0
  // gives 2^31 - 1: the 5-bit Is2 - 1 wraps to 31). cv.clipr/cv.clipur: upper = rs2.
  logic signed [31:0] hi, lo;
  always_comb begin
    logic [4:0] sh;
    sh = b_i[4:0] - 5'd1;
    if (op_i == XpClipr || op_i == XpClipur) hi = $signed(b_i);
    else hi = $signed((32'd1 << sh) - 32'd1);
    lo = (op_i == XpClip || op_i == XpClipr) ? ~hi : 32'sd0;  // -(hi + 1), wrapping
  end

  logic [31:0] prod;
  assign prod = a_i * b_i;

  always_comb begin
    unique case (op_i)
      XpDotup, XpDotusp, XpDotsp:    result_o = dot;
      XpSdotup, XpSdotusp, XpSdotsp: result_o = c_i + dot;
      XpClip, XpClipu, XpClipr, XpClipur: begin
        // The order of the tests matters when rs2 < 0 (clipr/clipur): lower first.
        if ($signed(a_i) <= lo)      result_o = lo;
        else if ($signed(a_i) >= hi) result_o = hi;
        else                         result_o = a_i;
      end
      XpMac:   result_o = c_i + prod;
      XpMsu:   result_o = c_i - prod;
      default: result_o = half_i ? {lane_h[1], lane_h[0]}
                                 : {lane_b[3], lane_b[2], lane_b[1], lane_b[0]};
    endcase
  end

endmodule

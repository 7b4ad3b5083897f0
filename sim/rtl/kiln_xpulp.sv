// CORE-V DSP unit of the kiln core: packed 8/16-bit SIMD add/sub/min/max, dot products
// with and without accumulation, clip and 32-bit multiply-accumulate, all in one cycle.
//
// Everything is computed in one always_comb guarded by en_i, so the simulation model
// skips the unit in cycles without a CORE-V instruction (most of them).
module kiln_xpulp
  import kiln_pkg::*;
(
  input  logic        en_i,    // a CORE-V ALU instruction is in EX
  input  xp_op_e      op_i,
  input  logic        half_i,  // 1: two 16-bit lanes (.h), 0: four 8-bit lanes (.b)
  input  logic        sc_i,    // .sc: lane 0 of b_i replicated to every lane
  input  logic [31:0] a_i,     // rs1
  input  logic [31:0] b_i,     // rs2, or the 5-bit Is2 of cv.clip/cv.clipu
  input  logic [31:0] c_i,     // rD (accumulator of sdot*, mac, msu)
  output logic [31:0] result_o
);

  logic [31:0]        b, lanes, dot;
  logic               a_signed, b_signed;
  logic [7:0]         xb, yb;
  logic [15:0]        xh, yh;
  logic signed [8:0]  pb, qb;
  logic signed [16:0] ph, qh;
  logic signed [31:0] hi, lo;
  logic [4:0]         sh;

  always_comb begin
    result_o = '0;
    b        = '0;
    lanes    = '0;
    dot      = '0;
    a_signed = 1'b0;
    b_signed = 1'b0;
    xb = '0; yb = '0; xh = '0; yh = '0;
    pb = '0; qb = '0; ph = '0; qh = '0;
    hi = '0; lo = '0; sh = '0;
    if (en_i) begin
      // Operand b with the scalar form applied.
      if (!sc_i)       b = b_i;
      else if (half_i) b = {2{b_i[15:0]}};
      else             b = {4{b_i[7:0]}};

      // Lane-wise add/sub/min/max, each lane apart.
      if (half_i) begin
        for (int i = 0; i < 2; i++) begin
          xh = a_i[16*i +: 16];
          yh = b[16*i +: 16];
          unique case (op_i)
            XpSub:   lanes[16*i +: 16] = xh - yh;
            XpMin:   lanes[16*i +: 16] = ($signed(xh) < $signed(yh)) ? xh : yh;
            XpMinu:  lanes[16*i +: 16] = (xh < yh) ? xh : yh;
            XpMax:   lanes[16*i +: 16] = ($signed(xh) > $signed(yh)) ? xh : yh;
            XpMaxu:  lanes[16*i +: 16] = (xh > yh) ? xh : yh;
            default: lanes[16*i +: 16] = xh + yh;
          endcase
        end
      end else begin
        for (int i = 0; i < 4; i++) begin
          xb = a_i[8*i +: 8];
          yb = b[8*i +: 8];
          unique case (op_i)
            XpSub:   lanes[8*i +: 8] = xb - yb;
            XpMin:   lanes[8*i +: 8] = ($signed(xb) < $signed(yb)) ? xb : yb;
            XpMinu:  lanes[8*i +: 8] = (xb < yb) ? xb : yb;
            XpMax:   lanes[8*i +: 8] = ($signed(xb) > $signed(yb)) ? xb : yb;
            XpMaxu:  lanes[8*i +: 8] = (xb > yb) ? xb : yb;
            default: lanes[8*i +: 8] = xb + yb;
          endcase
        end
      end

      // Dot products: a's lanes are signed for dotsp, b's for dotsp and dotusp.
      a_signed = (op_i == XpDotsp) || (op_i == XpSdotsp);
      b_signed = a_signed || (op_i == XpDotusp) || (op_i == XpSdotusp);
      if (half_i) begin
        for (int i = 0; i < 2; i++) begin
          ph  = {a_signed && a_i[16*i+15], a_i[16*i +: 16]};
          qh  = {b_signed && b[16*i+15], b[16*i +: 16]};
          dot = dot + 32'(ph * qh);
        end
      end else begin
        for (int i = 0; i < 4; i++) begin
          pb  = {a_signed && a_i[8*i+7], a_i[8*i +: 8]};
          qb  = {b_signed && b[8*i+7], b[8*i +: 8]};
          dot = dot + 32'(pb * qb);
        end
      end

      // Clip bounds. cv.clip/cv.clipu: Is2 in b_i[4:0], upper bound 2^(Is2-1) - 1
      // (Is2 = 0 gives 2^31 - 1: the 5-bit Is2 - 1 wraps to 31). cv.clipr/clipur:
      // the upper bound is rs2. The lower bound is -(hi + 1) = ~hi, or 0 for clipu*.
      sh = b_i[4:0] - 5'd1;
      if (op_i == XpClipr || op_i == XpClipur) hi = $signed(b_i);
      else hi = $signed((32'd1 << sh) - 32'd1);
      lo = (op_i == XpClip || op_i == XpClipr) ? ~hi : 32'sd0;

      unique case (op_i)
        XpDotup, XpDotusp, XpDotsp:    result_o = dot;
        XpSdotup, XpSdotusp, XpSdotsp: result_o = c_i + dot;
        XpClip, XpClipu, XpClipr, XpClipur: begin
          // The lower bound is tested first: it decides when rs2 < 0 (clipr/clipur).
          if ($signed(a_i) <= lo)      result_o = lo;
          else if ($signed(a_i) >= hi) result_o = hi;
          else                         result_o = a_i;
        end
        XpMac:   result_o = c_i + a_i * b_i;
        XpMsu:   result_o = c_i - a_i * b_i;
        default: result_o = lanes;
      endcase
    end
  end

endmodule

// Hardware-loop registers of the kiln core (two nested CORE-V loops) and the loop-back
// decision for both the fetch stage (zero-overhead jumps) and EX (the counters).
//
// Loop i covers [start_i, end_i); end_i is the address after its last instruction. When
// the last instruction of an active loop (count != 0) is passed, its count drops by
// one and, if it was > 1, control goes back to start_i. Loop 0 (the inner loop) is
// checked first; loop 1 only counts when loop 0 does not jump. Fetch runs ahead with
// its own copy of the counts, decremented as it requests loop ends; a redirect from EX
// restores it from the architectural counts. Loop registers written in EX are used by
// fetch from the next cycle on, so a loop's last instruction must come at least three
// instructions after the setup instruction (then fetch cannot have requested it yet).
module kiln_hwloop (
  input  logic        clk_i,
  input  logic        rst_ni,

  // Setup instruction completing in EX.
  input  logic        we_i,
  input  logic [2:0]  op_i,      // funct4[2:0]: starti start endi end counti count setupi setup
  input  logic        l_i,
  input  logic [31:0] pc_i,
  input  logic [31:0] rs1_i,
  input  logic [11:0] uimm_l_i,  // instr[31:20]
  input  logic [4:0]  uimm_s_i,  // instr[19:15]

  // Instruction completing in EX (not a redirect): count it if it ends a loop.
  input  logic        retire_i,
  input  logic        redirect_i,

  // Fetch: the address requested this cycle and the address that follows it.
  input  logic        fetch_fire_i,
  input  logic [31:0] fetch_addr_i,
  output logic [31:0] fetch_next_o
);

  logic [31:0] start_q [2];
  logic [31:0] end_q   [2];
  logic [31:0] cnt_q   [2];   // architectural counts (instructions retired in EX)
  logic [31:0] fcnt_q  [2];   // fetch's speculative counts

  // The loop-back rule, applied to one address and one pair of counts.
  function automatic logic [1:0] decide(input logic [31:0] addr, input logic [31:0] c0,
                                        input logic [31:0] c1, input logic [31:0] e0,
                                        input logic [31:0] e1);
    logic m0, m1, j0;
    m0 = (addr + 32'd4 == e0) && (c0 != '0);
    m1 = (addr + 32'd4 == e1) && (c1 != '0);
    j0 = m0 && (c0 != 32'd1);
    // {decrement 1, decrement 0}; loop i jumps back when it decrements from > 1.
    return {m1 && !j0, m0};
  endfunction

  // Fetch side. After a redirect fetch restarts from the architectural counts. The
  // decision is only evaluated while a loop is active (the model skips it otherwise).
  logic [31:0] fc0, fc1;
  logic [1:0]  fdec;
  assign fc0 = redirect_i ? cnt_q[0] : fcnt_q[0];
  assign fc1 = redirect_i ? cnt_q[1] : fcnt_q[1];
  always_comb begin
    fdec         = '0;
    fetch_next_o = fetch_addr_i + 32'd4;
    if (fc0 != '0 || fc1 != '0) begin
      fdec = decide(fetch_addr_i, fc0, fc1, end_q[0], end_q[1]);
      if (fdec[0] && fc0 != 32'd1)      fetch_next_o = start_q[0];
      else if (fdec[1] && fc1 != 32'd1) fetch_next_o = start_q[1];
    end
  end

  // EX side.
  logic       ex_count;
  logic [1:0] xdec;
  assign ex_count = retire_i && !redirect_i && !we_i;
  always_comb begin
    xdec = '0;
    if (ex_count && (cnt_q[0] != '0 || cnt_q[1] != '0)) begin
      xdec = decide(pc_i, cnt_q[0], cnt_q[1], end_q[0], end_q[1]);
    end
  end

  // Values written by the setup instruction.
  logic [31:0] w_start, w_end, w_cnt;
  logic        w_start_en, w_end_en, w_cnt_en;
  always_comb begin
    w_start    = pc_i + 32'd4;
    w_end      = pc_i + {18'b0, uimm_l_i, 2'b00};
    w_cnt      = rs1_i;
    w_start_en = 1'b0;
    w_end_en   = 1'b0;
    w_cnt_en   = 1'b0;
    unique case (op_i)
      3'd0: begin w_start_en = 1'b1; w_start = pc_i + {18'b0, uimm_l_i, 2'b00}; end
      3'd1: begin w_start_en = 1'b1; w_start = {rs1_i[31:2], 2'b00}; end
      3'd2: w_end_en = 1'b1;
      3'd3: begin w_end_en = 1'b1; w_end = {rs1_i[31:2], 2'b00}; end
      3'd4: begin w_cnt_en = 1'b1; w_cnt = {20'b0, uimm_l_i}; end
      3'd5: w_cnt_en = 1'b1;
      3'd6: begin
        w_start_en = 1'b1;
        w_end_en   = 1'b1;
        w_cnt_en   = 1'b1;
        w_end      = pc_i + {25'b0, uimm_s_i, 2'b00};
        w_cnt      = {20'b0, uimm_l_i};
      end
      default: begin
        w_start_en = 1'b1;
        w_end_en   = 1'b1;
        w_cnt_en   = 1'b1;
      end
    endcase
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      for (int i = 0; i < 2; i++) begin
        start_q[i] <= '0;
        end_q[i]   <= '0;
        cnt_q[i]   <= '0;
        fcnt_q[i]  <= '0;
      end
    end else begin
      // Counts: EX and fetch each apply their own decrements.
      if (xdec[0]) cnt_q[0] <= cnt_q[0] - 32'd1;
      if (xdec[1]) cnt_q[1] <= cnt_q[1] - 32'd1;
      fcnt_q[0] <= fc0 - ((fetch_fire_i && fdec[0]) ? 32'd1 : 32'd0);
      fcnt_q[1] <= fc1 - ((fetch_fire_i && fdec[1]) ? 32'd1 : 32'd0);
      if (we_i) begin
        if (w_start_en) start_q[l_i] <= w_start;
        if (w_end_en)   end_q[l_i]   <= w_end;
        if (w_cnt_en) begin
          cnt_q[l_i]  <= w_cnt;
          fcnt_q[l_i] <= w_cnt;
        end
      end
    end
  end

endmodule

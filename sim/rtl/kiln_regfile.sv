// Register file of the kiln core: 31 general registers plus a hardwired x0, two
// combinational read ports and two write ports (EX results and WB load data).
module kiln_regfile (
  input  logic        clk_i,
  input  logic        rst_ni,

  input  logic [4:0]  raddr_a_i,
  output logic [31:0] rdata_a_o,
  input  logic [4:0]  raddr_b_i,
  output logic [31:0] rdata_b_o,
  input  logic [4:0]  raddr_c_i,
  output logic [31:0] rdata_c_o,

  // Port A: the instruction leaving EX. It is younger than the load in WB, so it
  // wins when both write the same register in the same cycle.
  input  logic        we_a_i,
  input  logic [4:0]  waddr_a_i,
  input  logic [31:0] wdata_a_i,
  // Port B: load data arriving in WB.
  input  logic        we_b_i,
  input  logic [4:0]  waddr_b_i,
  input  logic [31:0] wdata_b_i
);

  logic [31:0] regs_q [32];

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      for (int i = 0; i < 32; i++) regs_q[i] <= '0;
    end else begin
      if (we_b_i && waddr_b_i != 5'd0) regs_q[waddr_b_i] <= wdata_b_i;
      if (we_a_i && waddr_a_i != 5'd0) regs_q[waddr_a_i] <= wdata_a_i;
    end
  end

  assign rdata_a_o = regs_q[raddr_a_i];
  assign rdata_b_o = regs_q[raddr_b_i];
  assign rdata_c_o = regs_q[raddr_c_i];

endmodule

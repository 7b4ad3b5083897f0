// Memory port of the simulation top: accepts requests, performs them through one
// DPI call into the C++ harness (sim/tb/memory.cc holds the storage and the
// sim-control peripheral) and returns responses in order. By default every request
// is granted and answered in the next cycle (single-cycle memory); the harness can
// withhold grants and add response latency to test the core under wait states.
module kiln_dpi_mem #(
  parameter int unsigned PortId = 0  // 0 instruction port, 1 data port
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        req_i,
  input  logic [31:0] addr_i,
  input  logic        we_i,
  input  logic [3:0]  be_i,
  input  logic [31:0] wdata_i,
  output logic        gnt_o,
  output logic        rvalid_o,
  output logic [31:0] rdata_o,
  output logic        err_o,

  // Wait states, driven by the harness every cycle: grant in the next cycle, and
  // extra cycles before the response of a request accepted this cycle.
  input  logic        gnt_en_i,
  input  logic [1:0]  delay_i
);

  // Returns 1 on a bus error (unmapped address, or a fetch from the peripheral).
  import "DPI-C" function bit kiln_mem_access(input int unsigned port,
                                              input bit we,
                                              input int unsigned addr,
                                              input byte unsigned be,
                                              input int unsigned wdata,
                                              output int unsigned rdata);

  // Responses waiting to be returned, in a circular buffer (a shifting queue costs
  // noticeably more simulation time).
  localparam int unsigned Depth = 4;
  logic [31:0] rdata_q [Depth];
  logic        err_q   [Depth];
  logic [1:0]  wait_q  [Depth];
  logic [1:0]  rd_ptr_q, wr_ptr_q;
  logic [2:0]  count_q;

  logic push, pop;
  // The grant enable is registered: a top-level input feeding combinational logic
  // would make Verilator re-evaluate the core's stall logic on every eval().
  logic gnt_en_q;
  assign gnt_o    = gnt_en_q && (count_q < 3'(Depth));
  assign push     = req_i && gnt_o;
  assign pop      = (count_q != 3'd0) && (wait_q[rd_ptr_q] == 2'd0);
  assign rvalid_o = pop;
  assign rdata_o  = rdata_q[rd_ptr_q];
  assign err_o    = err_q[rd_ptr_q];

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      gnt_en_q <= 1'b1;
      count_q  <= '0;
      rd_ptr_q <= '0;
      wr_ptr_q <= '0;
      for (int i = 0; i < Depth; i++) begin
        rdata_q[i] <= '0;
        err_q[i]   <= 1'b0;
        wait_q[i]  <= '0;
      end
    end else begin
      gnt_en_q <= gnt_en_i;
      // Only the oldest response counts down its extra latency.
      if (pop) rd_ptr_q <= rd_ptr_q + 2'd1;
      else if (count_q != 3'd0) wait_q[rd_ptr_q] <= wait_q[rd_ptr_q] - 2'd1;
      if (push) begin
        int unsigned rdata;
        err_q[wr_ptr_q]   <= kiln_mem_access(PortId, we_i, addr_i, {4'b0, be_i},
                                             wdata_i, rdata);
        rdata_q[wr_ptr_q] <= rdata;
        wait_q[wr_ptr_q]  <= delay_i;
        wr_ptr_q          <= wr_ptr_q + 2'd1;
      end
      count_q <= count_q + (push ? 3'd1 : 3'd0) - (pop ? 3'd1 : 3'd0);
    end
  end

endmodule

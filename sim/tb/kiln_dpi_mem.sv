// Single-cycle memory port of the simulation top: grants every request at once and
// answers in the next cycle. The storage and the sim-control peripheral live in the
// C++ harness (sim/tb/memory.cc), reached through one DPI call per access.
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
  output logic        err_o
);

  // Returns 1 on a bus error (unmapped address, or a fetch from the peripheral).
  import "DPI-C" function bit kiln_mem_access(input int unsigned port,
                                              input bit we,
                                              input int unsigned addr,
                                              input byte unsigned be,
                                              input int unsigned wdata,
                                              output int unsigned rdata);

  assign gnt_o = 1'b1;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      rvalid_o <= 1'b0;
      rdata_o  <= '0;
      err_o    <= 1'b0;
    end else begin
      rvalid_o <= req_i;
      if (req_i) begin
        int unsigned rdata;
        err_o   <= kiln_mem_access(PortId, we_i, addr_i, {4'b0, be_i}, wdata_i, rdata);
        rdata_o <= rdata;
      end
    end
  end

endmodule

// Control and status registers of the kiln core: the machine counters (mcycle,
// minstret and their high halves), the user read-only aliases and the ID registers.
// There are no interrupts or privilege modes, so no trap CSRs exist.
module kiln_csr
  import kiln_pkg::*;
(
  input  logic        clk_i,
  input  logic        cycle_clk_i,  // never gated: mcycle counts every cycle
  input  logic        rst_ni,
  input  logic [31:0] hart_id_i,

  input  logic [11:0] addr_i,
  input  csr_op_e     op_i,
  input  logic [31:0] operand_i,  // rs1 value or zero-extended immediate
  input  logic        write_i,    // the instruction writes (CSRRW, or rs1/imm != 0)
  input  logic        commit_i,   // the CSR instruction completes this cycle
  output logic [31:0] rdata_o,
  output logic        illegal_o,  // unknown CSR, or a write to a read-only one

  input  logic        retire_i    // an instruction retires this cycle
);

  logic [63:0] mcycle_q, minstret_q;

  logic known;
  always_comb begin
    known   = 1'b1;
    rdata_o = '0;
    unique case (addr_i)
      CsrMisa:                  rdata_o = 32'h4000_1100;  // MXL=32, I and M
      CsrMcycle, CsrCycle:      rdata_o = mcycle_q[31:0];
      CsrMcycleh, CsrCycleh:    rdata_o = mcycle_q[63:32];
      CsrMinstret, CsrInstret:  rdata_o = minstret_q[31:0];
      CsrMinstreth, CsrInstreth: rdata_o = minstret_q[63:32];
      CsrMvendorid, CsrMarchid, CsrMimpid: rdata_o = '0;
      CsrMhartid:               rdata_o = hart_id_i;
      default:                  known = 1'b0;
    endcase
  end

  // addr[11:10] == 2'b11 marks a read-only CSR in the RISC-V CSR address map.
  assign illegal_o = !known || (write_i && addr_i[11:10] == 2'b11);

  logic [31:0] wdata;
  always_comb begin
    unique case (op_i)
      CsrOpWrite: wdata = operand_i;
      CsrOpSet:   wdata = rdata_o | operand_i;
      default:    wdata = rdata_o & ~operand_i;
    endcase
  end

  logic do_write;
  assign do_write = commit_i && write_i;

  // A counter written by an instruction takes the written value; otherwise it counts.
  logic [63:0] mcycle_inc, minstret_inc;
  assign mcycle_inc   = mcycle_q + 64'd1;
  assign minstret_inc = minstret_q + (retire_i ? 64'd1 : 64'd0);

  // While the core's clock is gated (kiln_cluster), do_write is 0.
  always_ff @(posedge cycle_clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      mcycle_q <= '0;
    end else begin
      if (do_write && addr_i == CsrMcycle) mcycle_q <= {mcycle_q[63:32], wdata};
      else if (do_write && addr_i == CsrMcycleh) mcycle_q <= {wdata, mcycle_inc[31:0]};
      else mcycle_q <= mcycle_inc;
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      minstret_q <= '0;
    end else begin
      if (do_write && addr_i == CsrMinstret) minstret_q <= {minstret_q[63:32], wdata};
      else if (do_write && addr_i == CsrMinstreth) minstret_q <= {wdata, minstret_q[31:0]};
      else minstret_q <= minstret_inc;
    end
  end

endmodule

// Fetch stage of the kiln core: issues instruction requests on a req/gnt/rvalid port
// and queues responses in a 3-entry FIFO whose head is the instruction in EX.
//
// Three entries let the stage request one instruction per cycle without looking at
// whether EX consumes this cycle (that would put the EX stall logic on the request
// path). A redirect flushes the FIFO and drops the responses still in flight.
module kiln_fetch (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic [31:0] boot_addr_i,

  // Instruction memory port (OBI-like: the address is taken when req && gnt, the
  // response comes with rvalid in a later cycle, in order).
  output logic        instr_req_o,
  output logic [31:0] instr_addr_o,
  input  logic        instr_gnt_i,
  input  logic        instr_rvalid_i,
  input  logic [31:0] instr_rdata_i,
  input  logic        instr_err_i,

  // Head of the queue, executed by EX.
  output logic        valid_o,
  output logic [31:0] instr_o,
  output logic [31:0] pc_o,
  output logic        err_o,
  input  logic        pop_i,

  // Redirect from EX. With redirect_now_i the target is requested in the same
  // cycle (jumps); otherwise it is requested from the next cycle on (branches).
  input  logic        redirect_i,
  input  logic        redirect_now_i,
  input  logic [31:0] redirect_pc_i,
  input  logic        halt_i,

  // Hardware loops: the address to request after instr_addr_o (instr_addr_o + 4, or a
  // loop start), and whether instr_addr_o is taken this cycle.
  output logic        fire_o,
  input  logic [31:0] next_addr_i
);

  localparam int unsigned Depth = 3;

  logic [31:0] pc_q;           // next sequential fetch address
  logic [1:0]  outstanding_q;  // granted requests whose response has not arrived
  logic [1:0]  discard_q;      // how many of them belong to a flushed path

  logic [31:0] fifo_instr_q [Depth];
  logic [31:0] fifo_pc_q    [Depth];
  logic        fifo_err_q   [Depth];
  logic [1:0]  count_q;

  // Response handling: responses of a flushed path are dropped, as is the response
  // arriving in the cycle of a redirect (it is younger than the redirecting jump).
  logic drop_rsp, push;
  assign drop_rsp = instr_rvalid_i && (discard_q != 2'd0);
  assign push     = instr_rvalid_i && !drop_rsp && !redirect_i;

  // Request side. A same-cycle redirect replaces the sequential address.
  logic        req_fire;
  logic [2:0]  occupancy;
  assign occupancy    = {1'b0, redirect_i ? 2'd0 : count_q} + {1'b0, outstanding_q};
  assign instr_req_o  = !halt_i && (occupancy < 3'(Depth)) &&
                        (!redirect_i || redirect_now_i);
  assign instr_addr_o = (redirect_i && redirect_now_i) ? redirect_pc_i : pc_q;
  assign req_fire     = instr_req_o && instr_gnt_i;
  assign fire_o       = req_fire;

  logic [1:0] outstanding_d;
  always_comb begin
    outstanding_d = outstanding_q;
    if (req_fire) outstanding_d = outstanding_d + 2'd1;
    if (instr_rvalid_i) outstanding_d = outstanding_d - 2'd1;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      pc_q          <= boot_addr_i;
      outstanding_q <= '0;
      discard_q     <= '0;
    end else begin
      outstanding_q <= outstanding_d;
      if (redirect_i) begin
        // Everything in flight after this cycle is on the old path, except a target
        // requested right now.
        discard_q <= outstanding_d - ((req_fire && redirect_now_i) ? 2'd1 : 2'd0);
        pc_q      <= (req_fire && redirect_now_i) ? next_addr_i : redirect_pc_i;
      end else begin
        if (drop_rsp) discard_q <= discard_q - 2'd1;
        if (req_fire) pc_q <= next_addr_i;
      end
    end
  end

  // Addresses of the granted requests, in order (hardware loops make them
  // non-sequential): the head is the PC of the next response.
  logic [31:0] addr_q [4];
  logic [1:0]  addr_wr_q, addr_rd_q;
  logic [31:0] rsp_pc;
  assign rsp_pc = addr_q[addr_rd_q];
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      addr_wr_q <= '0;
      addr_rd_q <= '0;
      for (int i = 0; i < 4; i++) addr_q[i] <= '0;
    end else begin
      if (req_fire) begin
        addr_q[addr_wr_q] <= instr_addr_o;
        addr_wr_q         <= addr_wr_q + 2'd1;
      end
      if (instr_rvalid_i) addr_rd_q <= addr_rd_q + 2'd1;
    end
  end

  // Instruction FIFO, a circular buffer (cheaper to simulate than shifting).
  logic [1:0] rd_ptr_q, wr_ptr_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      count_q  <= '0;
      rd_ptr_q <= '0;
      wr_ptr_q <= '0;
      for (int i = 0; i < Depth; i++) begin
        fifo_instr_q[i] <= '0;
        fifo_pc_q[i]    <= '0;
        fifo_err_q[i]   <= 1'b0;
      end
    end else if (redirect_i) begin
      count_q  <= '0;
      rd_ptr_q <= '0;
      wr_ptr_q <= '0;
    end else begin
      if (pop_i) rd_ptr_q <= (rd_ptr_q == 2'(Depth - 1)) ? 2'd0 : rd_ptr_q + 2'd1;
      if (push) begin
        fifo_instr_q[wr_ptr_q] <= instr_rdata_i;
        fifo_pc_q[wr_ptr_q]    <= rsp_pc;
        fifo_err_q[wr_ptr_q]   <= instr_err_i;
        wr_ptr_q <= (wr_ptr_q == 2'(Depth - 1)) ? 2'd0 : wr_ptr_q + 2'd1;
      end
      count_q <= count_q + (push ? 2'd1 : 2'd0) - (pop_i ? 2'd1 : 2'd0);
    end
  end

  assign valid_o = (count_q != 2'd0);
  assign instr_o = fifo_instr_q[rd_ptr_q];
  assign pc_o    = fifo_pc_q[rd_ptr_q];
  assign err_o   = fifo_err_q[rd_ptr_q];

endmodule

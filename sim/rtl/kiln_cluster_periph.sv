// Cluster peripherals of kiln_cluster at 0x1020_0000 (register map in docs/sim.md
// and sim/sw/kiln_sim.h): core id, hardware barrier, fork, per-core performance
// counters and the cluster DMA with its command queue.
//
// Blocking registers (BARRIER, FORK_WAIT, DMA_WAIT) are answered by kiln_cluster's
// response slot when their condition holds; kind_o tells the slot what to wait for.
// The DMA moves data through the harness memory (kiln_dma_copy DPI call), one beat
// of up to dma_width_i bytes per cycle, and asks kiln_cluster's arbiter for the L1
// banks of each beat (dma_need_o); dma_go_i says the beat happens this cycle.
module kiln_cluster_periph #(
  parameter int unsigned NumCores = 8
) (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic [7:0] l2_latency_i,
  input  logic [6:0] dma_width_i,

  // Accesses (req_i: the core requests a peripheral register this cycle).
  input  logic [NumCores-1:0]       req_i,
  input  logic [NumCores-1:0]       we_i,
  input  logic [NumCores-1:0][31:0] addr_i,
  input  logic [NumCores-1:0][31:0] wdata_i,
  output logic [NumCores-1:0]       gnt_o,
  output logic [NumCores-1:0][1:0]  kind_o,   // 0 answer now, 1 barrier, 2 fork, 3 DMA
  output logic [NumCores-1:0][31:0] rdata_o,

  input  logic [NumCores-1:0]       at_barrier_i,  // core waits in a BARRIER load
  output logic                      barrier_release_o,
  input  logic [NumCores-1:0]       fork_ack_i,    // a FORK_WAIT load is answered
  output logic [NumCores-1:0]       fork_pending_o,
  output logic [31:0]               fork_fn_o,
  output logic [NumCores-1:0]       dma_idle_o,    // no DMA command of the core left

  input  logic [NumCores-1:0][31:0] conflicts_i,
  input  logic [NumCores-1:0][31:0] barrier_waits_i,
  input  logic [NumCores-1:0][31:0] dma_waits_i,

  output logic                      dma_valid_o,
  output logic [15:0]               dma_need_o,
  input  logic                      dma_go_i,
  output logic [31:0]               dma_bytes_o,
  output logic [31:0]               dma_busy_o,
  output logic [31:0]               dma_bank_stalls_o,
  output logic                      dma_err_o,
  output logic [31:0]               dma_err_addr_o
);

  localparam int unsigned IdxW = (NumCores > 1) ? $clog2(NumCores) : 1;
  localparam int unsigned QDepth = 8;

  // Register offsets (bits [11:0] of the address).
  localparam logic [11:0] RegCoreId = 12'h000, RegNumCores = 12'h004,
                          RegBarrier = 12'h008, RegForkFn = 12'h010,
                          RegForkArg = 12'h014, RegForkWait = 12'h018,
                          RegPerfConflicts = 12'h020, RegPerfBarrier = 12'h024,
                          RegPerfDma = 12'h028, RegDmaL1 = 12'h100,
                          RegDmaL2 = 12'h104, RegDmaLen = 12'h108,
                          RegDmaRows = 12'h10C, RegDmaL1Stride = 12'h110,
                          RegDmaL2Stride = 12'h114, RegDmaPush = 12'h118,
                          RegDmaStatus = 12'h11C, RegDmaWait = 12'h120;

  import "DPI-C" function bit kiln_dma_copy(input int unsigned dst,
                                            input int unsigned src,
                                            input int unsigned bytes);

  // ---------------------------------------------------------------- state
  logic [7:0]                fork_gen_q;
  logic [NumCores-1:0][7:0]  fork_seen_q;
  logic [31:0]               fork_fn_q, fork_arg_q;
  // Per-core DMA staging registers: l1, l2, len, rows, l1 stride, l2 stride.
  logic [NumCores-1:0][5:0][31:0] stage_q;
  logic [NumCores-1:0][7:0]  outstanding_q;

  // Command queue entries: the staging registers, the direction and the core.
  logic [QDepth-1:0][5:0][31:0] q_regs_q;
  logic [QDepth-1:0]            q_dir_q;
  logic [QDepth-1:0][IdxW-1:0]  q_core_q;
  logic [2:0]                   q_rd_q, q_wr_q;
  logic [3:0]                   q_count_q;

  // ---------------------------------------------------------------- accesses
  logic [NumCores-1:0] push;
  always_comb begin
    logic pushing;
    pushing = 1'b0;
    for (int i = 0; i < NumCores; i++) begin
      logic [11:0] off;
      off        = addr_i[i][11:0];
      kind_o[i]  = 2'd0;
      rdata_o[i] = '0;
      gnt_o[i]   = 1'b1;
      push[i]    = 1'b0;
      // Decoded only for a request: this logic runs every cycle.
      if (!req_i[i]) begin
        // no access
      end else if (we_i[i]) begin
        // One push per cycle (lowest core first), none into a full queue.
        if (off == RegDmaPush) begin
          gnt_o[i] = !pushing && q_count_q != 4'(QDepth);
          push[i]  = gnt_o[i];
          pushing  = 1'b1;
        end
      end else begin
        unique case (off)
          RegCoreId:        rdata_o[i] = 32'(i);
          RegNumCores:      rdata_o[i] = 32'(NumCores);
          RegBarrier:       kind_o[i]  = 2'd1;
          RegForkFn:        rdata_o[i] = fork_fn_q;
          RegForkArg:       rdata_o[i] = fork_arg_q;
          RegForkWait:      kind_o[i]  = 2'd2;
          RegPerfConflicts: rdata_o[i] = conflicts_i[i];
          RegPerfBarrier:   rdata_o[i] = barrier_waits_i[i];
          RegPerfDma:       rdata_o[i] = dma_waits_i[i];
          RegDmaL1:         rdata_o[i] = stage_q[i][0];
          RegDmaL2:         rdata_o[i] = stage_q[i][1];
          RegDmaLen:        rdata_o[i] = stage_q[i][2];
          RegDmaRows:       rdata_o[i] = stage_q[i][3];
          RegDmaL1Stride:   rdata_o[i] = stage_q[i][4];
          RegDmaL2Stride:   rdata_o[i] = stage_q[i][5];
          RegDmaStatus:     rdata_o[i] = 32'(outstanding_q[i]);
          RegDmaWait:       kind_o[i]  = 2'd3;
          default:          rdata_o[i] = '0;
        endcase
      end
      fork_pending_o[i] = fork_gen_q != fork_seen_q[i];
      dma_idle_o[i]     = outstanding_q[i] == 8'd0;
    end
  end
  assign barrier_release_o = &at_barrier_i;
  assign fork_fn_o         = fork_fn_q;

  // ---------------------------------------------------------------- DMA engine
  // The active command: current and row-start addresses, bytes left in the row,
  // rows left, and the L2 latency paid once per command before the first beat.
  logic        act_q, act_dir_q;
  logic [IdxW-1:0] act_core_q;
  logic [31:0] cur_l1_q, cur_l2_q, row_l1_q, row_l2_q, row_left_q, rows_left_q;
  logic [31:0] len_q, l1_stride_q, l2_stride_q;
  logic [7:0]  start_wait_q;
  logic [31:0] dma_bytes_q, dma_busy_q, dma_stalls_q, err_addr_q;
  logic        err_q;

  // A beat ends at the next dma_width_i-aligned L1 address or the end of the row.
  logic [31:0] beat, to_edge;
  logic [4:0]  nwords;
  logic [31:0] need_lin;
  always_comb begin
    to_edge = 32'(dma_width_i) - (cur_l1_q & (32'(dma_width_i) - 32'd1));
    beat    = (row_left_q < to_edge) ? row_left_q : to_edge;
    nwords  = 5'((32'(cur_l1_q[1:0]) + beat + 32'd3) >> 2);
    // Banks of the words [cur_l1 >> 2, +nwords), rotated into place.
    need_lin   = (32'd1 << nwords) - 32'd1;
    dma_need_o = 16'((need_lin << cur_l1_q[5:2]) | (need_lin >> (16 - 32'(cur_l1_q[5:2]))));
  end
  assign dma_valid_o = act_q && start_wait_q == 8'd0 && !err_q;

  logic done_now;  // the active command completes this cycle
  assign done_now = dma_go_i && beat == row_left_q && rows_left_q == 32'd1;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      fork_gen_q    <= '0;
      fork_seen_q   <= '0;
      fork_fn_q     <= '0;
      fork_arg_q    <= '0;
      stage_q       <= '0;
      outstanding_q <= '0;
      q_regs_q      <= '0;
      q_dir_q       <= '0;
      q_core_q      <= '0;
      q_rd_q        <= '0;
      q_wr_q        <= '0;
      q_count_q     <= '0;
      act_q         <= 1'b0;
      act_dir_q     <= 1'b0;
      act_core_q    <= '0;
      cur_l1_q      <= '0;
      cur_l2_q      <= '0;
      row_l1_q      <= '0;
      row_l2_q      <= '0;
      row_left_q    <= '0;
      rows_left_q   <= '0;
      len_q         <= '0;
      l1_stride_q   <= '0;
      l2_stride_q   <= '0;
      start_wait_q  <= '0;
      dma_bytes_q   <= '0;
      dma_busy_q    <= '0;
      dma_stalls_q  <= '0;
      err_q         <= 1'b0;
      err_addr_q    <= '0;
    end else begin
      logic       pop;
      logic [3:0] count;
      pop   = 1'b0;
      count = q_count_q;

      // Register writes.
      for (int i = 0; i < NumCores; i++) begin
        if (fork_ack_i[i]) fork_seen_q[i] <= fork_gen_q;
        if (req_i[i] && we_i[i] && gnt_o[i]) begin
          unique case (addr_i[i][11:0])
            RegForkFn: begin
              fork_fn_q  <= wdata_i[i];
              fork_gen_q <= fork_gen_q + 8'd1;
            end
            RegForkArg:     fork_arg_q     <= wdata_i[i];
            RegDmaL1:       stage_q[i][0]  <= wdata_i[i];
            RegDmaL2:       stage_q[i][1]  <= wdata_i[i];
            RegDmaLen:      stage_q[i][2]  <= wdata_i[i];
            RegDmaRows:     stage_q[i][3]  <= wdata_i[i];
            RegDmaL1Stride: stage_q[i][4]  <= wdata_i[i];
            RegDmaL2Stride: stage_q[i][5]  <= wdata_i[i];
            default: ;
          endcase
        end
      end

      // Start the command at the queue head; empty ones complete at once.
      if (!act_q && q_count_q != 4'd0) begin
        pop = 1'b1;
        if (q_regs_q[q_rd_q][2] != 32'd0 && q_regs_q[q_rd_q][3] != 32'd0) begin
          act_q        <= 1'b1;
          act_dir_q    <= q_dir_q[q_rd_q];
          act_core_q   <= q_core_q[q_rd_q];
          cur_l1_q     <= q_regs_q[q_rd_q][0];
          row_l1_q     <= q_regs_q[q_rd_q][0];
          cur_l2_q     <= q_regs_q[q_rd_q][1];
          row_l2_q     <= q_regs_q[q_rd_q][1];
          len_q        <= q_regs_q[q_rd_q][2];
          row_left_q   <= q_regs_q[q_rd_q][2];
          rows_left_q  <= q_regs_q[q_rd_q][3];
          l1_stride_q  <= q_regs_q[q_rd_q][4];
          l2_stride_q  <= q_regs_q[q_rd_q][5];
          start_wait_q <= l2_latency_i;
        end
      end

      if (act_q) dma_busy_q <= dma_busy_q + 32'd1;
      if (act_q && start_wait_q != 8'd0) start_wait_q <= start_wait_q - 8'd1;
      if (dma_valid_o && !dma_go_i) dma_stalls_q <= dma_stalls_q + 32'd1;
      if (dma_go_i) begin
        logic bad;
        // Not a ?: expression: Verilator may evaluate both calls of one.
        if (act_dir_q) bad = kiln_dma_copy(cur_l2_q, cur_l1_q, beat);
        else bad = kiln_dma_copy(cur_l1_q, cur_l2_q, beat);
        if (bad) begin
          err_q      <= 1'b1;
          err_addr_q <= act_dir_q ? cur_l2_q : cur_l1_q;  // the destination
        end
        dma_bytes_q <= dma_bytes_q + beat;
        if (beat != row_left_q) begin
          cur_l1_q   <= cur_l1_q + beat;
          cur_l2_q   <= cur_l2_q + beat;
          row_left_q <= row_left_q - beat;
        end else if (rows_left_q != 32'd1) begin
          cur_l1_q    <= row_l1_q + l1_stride_q;
          row_l1_q    <= row_l1_q + l1_stride_q;
          cur_l2_q    <= row_l2_q + l2_stride_q;
          row_l2_q    <= row_l2_q + l2_stride_q;
          row_left_q  <= len_q;
          rows_left_q <= rows_left_q - 32'd1;
        end else begin
          act_q <= 1'b0;
        end
      end

      // Queue pushes (one per cycle) and pops; the core's count covers both the
      // queued and the active command, so a finished command decrements it.
      for (int i = 0; i < NumCores; i++) begin
        logic [7:0] o;
        o = outstanding_q[i];
        if (push[i]) o = o + 8'd1;
        if (done_now && act_core_q == IdxW'(i)) o = o - 8'd1;
        if (pop && q_core_q[q_rd_q] == IdxW'(i) &&
            (q_regs_q[q_rd_q][2] == 32'd0 || q_regs_q[q_rd_q][3] == 32'd0)) begin
          o = o - 8'd1;
        end
        outstanding_q[i] <= o;
        if (push[i]) begin
          q_regs_q[q_wr_q] <= stage_q[i];
          q_dir_q[q_wr_q]  <= wdata_i[i][0];
          q_core_q[q_wr_q] <= IdxW'(i);
          q_wr_q           <= q_wr_q + 3'd1;
          count            = count + 4'd1;
        end
      end
      if (pop) begin
        q_rd_q <= q_rd_q + 3'd1;
        count  = count - 4'd1;
      end
      q_count_q <= count;
    end
  end

  assign dma_bytes_o       = dma_bytes_q;
  assign dma_busy_o        = dma_busy_q;
  assign dma_bank_stalls_o = dma_stalls_q;
  assign dma_err_o         = err_q;
  assign dma_err_addr_o    = err_addr_q;

endmodule

// The kiln PULP-style cluster: NumCores kiln cores sharing a word-interleaved L1
// TCDM, a cluster peripheral block (barrier, fork, performance counters, DMA; see
// kiln_cluster_periph) and the L2 behind a fixed extra latency. The single-core
// kiln-sim is the NumCores = 1 instance of this module.
//
// Memories live in the C++ harness (sim/tb/memory.cc) and are reached through DPI
// calls at the clock edge that grants an access; this module decides *when* an
// access is granted and answered (docs/sim.md, "Cluster timing"):
//   - instruction fetch: an ideal instruction cache, every fetch granted and
//     answered in the next cycle, from any RAM address;
//   - L1 (0x1000_0000, 64 KiB): 16 banks, bank = address bits [5:2]; per bank one
//     access per cycle, round-robin among the requesting cores, the DMA alternating
//     with the cores on contended banks; answered in the next cycle;
//   - cluster peripherals (0x1020_0000): granted at once; barrier, fork-wait and
//     DMA-wait loads are answered when their condition holds;
//   - L2 (0x1C00_0000..0x1FFF_FFFF) and everything else: granted at once, answered
//     after 1 + l2_latency_i cycles (L2) or in the next cycle (sim-control, bus
//     errors). Each core has at most one data access in flight (the core's rule).
module kiln_cluster
  import kiln_pkg::*;
#(
  parameter int unsigned NumCores = 8
) (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic [31:0] boot_addr_i,
  input  logic [7:0]  l2_latency_i,  // extra cycles of a core's L2 access
  input  logic [6:0]  dma_width_i,   // DMA bytes per cycle: 4, 8, 16, 32 or 64

  // Test mode wait states (--random-stalls), shared by all cores.
  input  logic        imem_gnt_en_i,
  input  logic [1:0]  imem_delay_i,
  input  logic        dmem_gnt_en_i,
  input  logic [1:0]  dmem_delay_i,

  output logic [NumCores-1:0]       trap_o,
  output logic [NumCores-1:0][31:0] trap_cause_o,
  output logic [NumCores-1:0][31:0] trap_pc_o,
  output logic [NumCores-1:0][31:0] trap_instr_o,
  output logic [NumCores-1:0][31:0] trap_addr_o,

  output logic [NumCores-1:0]       retire_o,
  output logic [NumCores-1:0][31:0] retire_pc_o,
  output logic [NumCores-1:0][31:0] retire_instr_o,
  output logic [NumCores-1:0]       rf_we_ex_o,
  output logic [NumCores-1:0][31:0] rf_waddr_ex_o,
  output logic [NumCores-1:0][31:0] rf_wdata_ex_o,
  output logic [NumCores-1:0]       rf_we_wb_o,
  output logic [NumCores-1:0][31:0] rf_waddr_wb_o,
  output logic [NumCores-1:0][31:0] rf_wdata_wb_o,

  output logic [NumCores-1:0]       ev_ex_empty_o,
  output logic [NumCores-1:0]       ev_load_use_o,
  output logic [NumCores-1:0]       ev_muldiv_o,
  output logic [NumCores-1:0]       ev_lsu_o,
  output logic [NumCores-1:0]       ev_branch_taken_o,
  output logic [NumCores-1:0]       ev_jump_o,

  // Cluster counters (also readable by software, kiln_cluster_periph).
  output logic [NumCores-1:0][31:0] tcdm_conflicts_o,
  output logic [NumCores-1:0][31:0] barrier_waits_o,
  output logic [NumCores-1:0][31:0] dma_waits_o,
  output logic [31:0]               dma_bytes_o,
  output logic [31:0]               dma_busy_o,
  output logic [31:0]               dma_bank_stalls_o,
  output logic                      dma_err_o,
  output logic [31:0]               dma_err_addr_o
);

  localparam int unsigned NumBanks = 16;
  localparam int unsigned IdxW = (NumCores > 1) ? $clog2(NumCores) : 1;

  // The harness's constants, registered: a top-level input feeding combinational
  // logic makes Verilator re-evaluate that logic (here the whole grant path of
  // every core) in every eval() call.
  logic [7:0] l2_latency_q;
  logic [6:0] dma_width_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      l2_latency_q <= 8'd10;
      dma_width_q  <= 7'd8;
    end else begin
      l2_latency_q <= l2_latency_i;
      dma_width_q  <= dma_width_i;
    end
  end

  // ---------------------------------------------------------------- cores
  // What each core's data access in flight waits for (response slots, below).
  localparam logic [1:0] SlotMem = 2'd0, SlotBarrier = 2'd1, SlotFork = 2'd2,
                         SlotDma = 2'd3;
  logic [NumCores-1:0]       slot_valid_q;
  logic [NumCores-1:0][1:0]  slot_kind_q;
  logic [NumCores-1:0]       d_req, d_we, d_gnt, d_rvalid, d_err;
  logic [NumCores-1:0][31:0] d_addr, d_wdata, d_rdata;
  logic [NumCores-1:0][3:0]  d_be;

  for (genvar i = 0; i < NumCores; i++) begin : g_core
    logic        i_req, i_gnt, i_rvalid, i_err;
    logic [31:0] i_addr, i_rdata;
    trap_cause_e cause;
    logic [4:0]  waddr_ex, waddr_wb;

    // Clock gating, as PULP's event unit does for sleeping cores, but only in
    // cycles in which the core would not change state anyway: it waits for a
    // blocking peripheral load that is not answered this cycle (so EX is stalled
    // and no data access starts), and no fetch is granted or answered. The gate
    // is set at the falling edge for the next rising one. Timing is unchanged,
    // and the simulator skips the logic of a gated core: sleeping cores are cheap.
    logic run_q, gclk;
    always_ff @(negedge clk_i or negedge rst_ni) begin
      if (!rst_ni) run_q <= 1'b1;
      else run_q <= !(slot_valid_q[i] && slot_kind_q[i] != SlotMem && !d_rvalid[i] &&
                      !(i_req && i_gnt) && !i_rvalid);
    end
    assign gclk = clk_i && run_q;

    kiln_core u_core (
      .clk_i             (gclk),
      .cycle_clk_i       (clk_i),
      .rst_ni,
      .boot_addr_i,
      .hart_id_i         (32'(i)),
      .instr_req_o       (i_req),
      .instr_addr_o      (i_addr),
      .instr_gnt_i       (i_gnt),
      .instr_rvalid_i    (i_rvalid),
      .instr_rdata_i     (i_rdata),
      .instr_err_i       (i_err),
      .data_req_o        (d_req[i]),
      .data_addr_o       (d_addr[i]),
      .data_we_o         (d_we[i]),
      .data_be_o         (d_be[i]),
      .data_wdata_o      (d_wdata[i]),
      .data_gnt_i        (d_gnt[i]),
      .data_rvalid_i     (d_rvalid[i]),
      .data_rdata_i      (d_rdata[i]),
      .data_err_i        (d_err[i]),
      .trap_o            (trap_o[i]),
      .trap_cause_o      (cause),
      .trap_pc_o         (trap_pc_o[i]),
      .trap_instr_o      (trap_instr_o[i]),
      .trap_addr_o       (trap_addr_o[i]),
      .retire_o          (retire_o[i]),
      .retire_pc_o       (retire_pc_o[i]),
      .retire_instr_o    (retire_instr_o[i]),
      .rf_we_ex_o        (rf_we_ex_o[i]),
      .rf_waddr_ex_o     (waddr_ex),
      .rf_wdata_ex_o     (rf_wdata_ex_o[i]),
      .rf_we_wb_o        (rf_we_wb_o[i]),
      .rf_waddr_wb_o     (waddr_wb),
      .rf_wdata_wb_o     (rf_wdata_wb_o[i]),
      .ev_ex_empty_o     (ev_ex_empty_o[i]),
      .ev_load_use_o     (ev_load_use_o[i]),
      .ev_muldiv_o       (ev_muldiv_o[i]),
      .ev_lsu_o          (ev_lsu_o[i]),
      .ev_branch_taken_o (ev_branch_taken_o[i]),
      .ev_jump_o         (ev_jump_o[i])
    );
    assign trap_cause_o[i]  = 32'(cause);
    assign rf_waddr_ex_o[i] = 32'(waddr_ex);
    assign rf_waddr_wb_o[i] = 32'(waddr_wb);

    // Ideal instruction cache: port 2i of the harness memory.
    kiln_dpi_mem #(.PortId(2 * i)) u_imem (
      .clk_i,
      .rst_ni,
      .req_i    (i_req),
      .addr_i   (i_addr),
      .we_i     (1'b0),
      .be_i     (4'b1111),
      .wdata_i  (32'b0),
      .gnt_o    (i_gnt),
      .rvalid_o (i_rvalid),
      .rdata_o  (i_rdata),
      .err_o    (i_err),
      .gnt_en_i (imem_gnt_en_i),
      .delay_i  (imem_delay_i)
    );
  end

  // ---------------------------------------------------------------- address decode
  logic gnt_en_q;  // registered, as in kiln_dpi_mem
  logic [NumCores-1:0] is_l1, is_per, is_l2, l1_req, per_req;
  logic [NumCores-1:0][3:0] bank;
  always_comb begin
    for (int i = 0; i < NumCores; i++) begin
      is_l1[i]   = d_addr[i][31:16] == 16'h1000;
      is_per[i]  = d_addr[i][31:12] == 20'h10200;
      is_l2[i]   = d_addr[i][31:26] == 6'b000111;  // 0x1C00_0000..0x1FFF_FFFF
      bank[i]    = d_addr[i][5:2];
      l1_req[i]  = d_req[i] && gnt_en_q && is_l1[i];
      per_req[i] = d_req[i] && gnt_en_q && is_per[i];
    end
  end

  // ---------------------------------------------------------------- TCDM arbitration
  // Core i wins its bank unless the DMA takes the bank or another core requesting
  // the same bank comes earlier in the bank's round-robin order (rr_q: the core
  // with the highest priority, the one after the last winner).
  logic [NumBanks-1:0] core_bank_req, dma_block, dma_prio_q;
  logic [NumCores-1:0] l1_gnt;
  logic                dma_valid, dma_go;
  logic [NumBanks-1:0] dma_need;

  always_comb begin
    core_bank_req = '0;
    for (int i = 0; i < NumCores; i++) begin
      if (l1_req[i]) core_bank_req[bank[i]] = 1'b1;
    end
    // The DMA moves a beat only when it has every bank the beat touches: a bank
    // is its own if no core wants it or the DMA has the bank's priority.
    dma_go    = dma_valid && ((dma_need & core_bank_req & ~dma_prio_q) == '0);
    dma_block = dma_go ? dma_need : '0;
  end

  if (NumCores == 1) begin : g_arb1
    assign l1_gnt[0] = l1_req[0] && !dma_block[bank[0]];
  end else begin : g_arbn
    logic [NumBanks-1:0][IdxW-1:0] rr_q;
    logic [NumCores-1:0][IdxW-1:0] key;
    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) begin
        rr_q <= '0;
      end else begin
        for (int i = 0; i < NumCores; i++) begin
          if (l1_gnt[i]) rr_q[bank[i]] <= (i == NumCores - 1) ? '0 : IdxW'(i + 1);
        end
      end
    end
    always_comb begin
      for (int i = 0; i < NumCores; i++) begin
        logic [IdxW-1:0] r;
        r = rr_q[bank[i]];
        key[i] = (IdxW'(i) >= r) ? IdxW'(i) - r : IdxW'(i + NumCores) - r;
      end
      for (int i = 0; i < NumCores; i++) begin
        l1_gnt[i] = l1_req[i] && !dma_block[bank[i]];
        // Nested ifs: the simulator evaluates every term of an && expression.
        if (l1_gnt[i]) begin
          for (int j = 0; j < NumCores; j++) begin
            if (j != i && l1_req[j]) begin
              if (bank[j] == bank[i] && key[j] < key[i]) l1_gnt[i] = 1'b0;
            end
          end
        end
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      dma_prio_q <= '0;
      gnt_en_q   <= 1'b1;
    end else begin
      gnt_en_q <= dmem_gnt_en_i;
      // A bank the DMA needed but lost to a core is the DMA's next time.
      for (int b = 0; b < NumBanks; b++) begin
        if (dma_valid && dma_need[b]) begin
          if (dma_go) dma_prio_q[b] <= 1'b0;
          else if (core_bank_req[b]) dma_prio_q[b] <= 1'b1;
        end
      end
    end
  end

  // ---------------------------------------------------------------- peripherals
  logic [NumCores-1:0]       per_gnt;
  logic [NumCores-1:0][1:0]  per_kind;
  logic [NumCores-1:0][31:0] per_rdata;
  logic                      barrier_release;
  logic [NumCores-1:0]       fork_pending, dma_idle;
  logic [31:0]               fork_fn;
  logic [NumCores-1:0]       at_barrier, fork_ack;
  logic [NumCores-1:0][31:0] conflicts_q, barrier_waits_q, dma_waits_q;

  kiln_cluster_periph #(.NumCores(NumCores)) u_periph (
    .clk_i,
    .rst_ni,
    .l2_latency_i      (l2_latency_q),
    .dma_width_i       (dma_width_q),
    .req_i             (per_req),
    .we_i              (d_we),
    .addr_i            (d_addr),
    .wdata_i           (d_wdata),
    .gnt_o             (per_gnt),
    .kind_o            (per_kind),
    .rdata_o           (per_rdata),
    .at_barrier_i      (at_barrier),
    .barrier_release_o (barrier_release),
    .fork_ack_i        (fork_ack),
    .fork_pending_o    (fork_pending),
    .fork_fn_o         (fork_fn),
    .dma_idle_o        (dma_idle),
    .conflicts_i       (conflicts_q),
    .barrier_waits_i   (barrier_waits_q),
    .dma_waits_i       (dma_waits_q),
    .dma_valid_o       (dma_valid),
    .dma_need_o        (dma_need),
    .dma_go_i          (dma_go),
    .dma_bytes_o,
    .dma_busy_o,
    .dma_bank_stalls_o,
    .dma_err_o,
    .dma_err_addr_o
  );

  // ---------------------------------------------------------------- response slots
  // One per core: the access in flight, what it waits for, and its data.
  import "DPI-C" function bit kiln_mem_access(input int unsigned port,
                                              input bit we,
                                              input int unsigned addr,
                                              input byte unsigned be,
                                              input int unsigned wdata,
                                              output int unsigned rdata);
  logic [NumCores-1:0][7:0]  slot_wait_q;
  logic [NumCores-1:0][31:0] slot_rdata_q;
  logic [NumCores-1:0]       slot_err_q;

  always_comb begin
    for (int i = 0; i < NumCores; i++) begin
      d_gnt[i] = d_req[i] && gnt_en_q &&
                 (is_l1[i] ? l1_gnt[i] : (is_per[i] ? per_gnt[i] : 1'b1));
      at_barrier[i] = slot_valid_q[i] && slot_kind_q[i] == SlotBarrier;
      unique case (slot_kind_q[i])
        SlotMem:     d_rvalid[i] = slot_valid_q[i] && slot_wait_q[i] == 8'd0;
        SlotBarrier: d_rvalid[i] = slot_valid_q[i] && barrier_release;
        SlotFork:    d_rvalid[i] = slot_valid_q[i] && fork_pending[i];
        default:     d_rvalid[i] = slot_valid_q[i] && dma_idle[i];
      endcase
      fork_ack[i] = d_rvalid[i] && slot_kind_q[i] == SlotFork;
      d_rdata[i]  = slot_kind_q[i] == SlotFork ? fork_fn : slot_rdata_q[i];
      d_err[i]    = slot_err_q[i];
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      slot_valid_q    <= '0;
      slot_kind_q     <= '0;
      slot_wait_q     <= '0;
      slot_rdata_q    <= '0;
      slot_err_q      <= '0;
      conflicts_q     <= '0;
      barrier_waits_q <= '0;
      dma_waits_q     <= '0;
    end else begin
      for (int i = 0; i < NumCores; i++) begin
        if (l1_req[i] && !l1_gnt[i]) conflicts_q[i] <= conflicts_q[i] + 32'd1;
        if (slot_valid_q[i] && !d_rvalid[i]) begin
          if (slot_kind_q[i] == SlotBarrier) barrier_waits_q[i] <= barrier_waits_q[i] + 32'd1;
          if (slot_kind_q[i] == SlotDma) dma_waits_q[i] <= dma_waits_q[i] + 32'd1;
        end
        if (d_gnt[i]) begin
          slot_valid_q[i] <= 1'b1;
          if (is_per[i]) begin
            slot_kind_q[i]  <= per_kind[i];
            slot_wait_q[i]  <= 8'(dmem_delay_i);
            slot_rdata_q[i] <= per_rdata[i];
            slot_err_q[i]   <= 1'b0;
          end else begin
            int unsigned rdata;
            slot_err_q[i]   <= kiln_mem_access(2 * i + 1, d_we[i], d_addr[i],
                                               {4'b0, d_be[i]}, d_wdata[i], rdata);
            slot_rdata_q[i] <= rdata;
            slot_kind_q[i]  <= SlotMem;
            slot_wait_q[i]  <= (is_l2[i] ? l2_latency_q : 8'd0) + 8'(dmem_delay_i);
          end
        end else if (d_rvalid[i]) begin
          slot_valid_q[i] <= 1'b0;
        end else if (slot_valid_q[i] && slot_wait_q[i] != 8'd0) begin
          slot_wait_q[i] <= slot_wait_q[i] - 8'd1;
        end
      end
    end
  end

  assign tcdm_conflicts_o = conflicts_q;
  assign barrier_waits_o  = barrier_waits_q;
  assign dma_waits_o      = dma_waits_q;

endmodule

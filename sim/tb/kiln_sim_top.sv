// Simulation top of kiln-sim: a kiln_cluster of NumCores cores (1 for kiln-sim,
// 8 for kiln-sim-8; set with -GNumCores). Everything the harness observes or
// drives is a port of the cluster; per-core values are packed NumCores x 32 bits.
module kiln_sim_top #(
  parameter int unsigned NumCores = 1
) (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic [31:0] boot_addr_i,
  input  logic [7:0]  l2_latency_i,
  input  logic [6:0]  dma_width_i,
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

  output logic [NumCores-1:0][31:0] tcdm_conflicts_o,
  output logic [NumCores-1:0][31:0] barrier_waits_o,
  output logic [NumCores-1:0][31:0] dma_waits_o,
  output logic [31:0]               dma_bytes_o,
  output logic [31:0]               dma_busy_o,
  output logic [31:0]               dma_bank_stalls_o,
  output logic                      dma_err_o,
  output logic [31:0]               dma_err_addr_o
);

  kiln_cluster #(.NumCores(NumCores)) u_cluster (.*);

endmodule

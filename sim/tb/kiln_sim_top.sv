// Simulation top of kiln-sim: one kiln_core with its instruction and data memory
// ports. Everything the harness observes or drives (trap, trace, events, memory
// wait states) is a port here.
module kiln_sim_top
  import kiln_pkg::*;
(
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic [31:0] boot_addr_i,
  // Memory wait states (kiln_dpi_mem): 1/0 for single-cycle memory.
  input  logic        imem_gnt_en_i,
  input  logic [1:0]  imem_delay_i,
  input  logic        dmem_gnt_en_i,
  input  logic [1:0]  dmem_delay_i,

  output logic        trap_o,
  output logic [3:0]  trap_cause_o,
  output logic [31:0] trap_pc_o,
  output logic [31:0] trap_instr_o,
  output logic [31:0] trap_addr_o,

  output logic        retire_o,
  output logic [31:0] retire_pc_o,
  output logic [31:0] retire_instr_o,
  output logic        rf_we_ex_o,
  output logic [4:0]  rf_waddr_ex_o,
  output logic [31:0] rf_wdata_ex_o,
  output logic        rf_we_wb_o,
  output logic [4:0]  rf_waddr_wb_o,
  output logic [31:0] rf_wdata_wb_o,

  output logic        ev_ex_empty_o,
  output logic        ev_load_use_o,
  output logic        ev_muldiv_o,
  output logic        ev_lsu_o,
  output logic        ev_branch_taken_o,
  output logic        ev_jump_o
);

  logic        instr_req, instr_gnt, instr_rvalid, instr_err;
  logic [31:0] instr_addr, instr_rdata;
  logic        data_req, data_we, data_gnt, data_rvalid, data_err;
  logic [3:0]  data_be;
  logic [31:0] data_addr, data_wdata, data_rdata;
  trap_cause_e trap_cause;

  kiln_core u_core (
    .clk_i,
    .rst_ni,
    .boot_addr_i,
    .hart_id_i      (32'd0),
    .instr_req_o    (instr_req),
    .instr_addr_o   (instr_addr),
    .instr_gnt_i    (instr_gnt),
    .instr_rvalid_i (instr_rvalid),
    .instr_rdata_i  (instr_rdata),
    .instr_err_i    (instr_err),
    .data_req_o     (data_req),
    .data_addr_o    (data_addr),
    .data_we_o      (data_we),
    .data_be_o      (data_be),
    .data_wdata_o   (data_wdata),
    .data_gnt_i     (data_gnt),
    .data_rvalid_i  (data_rvalid),
    .data_rdata_i   (data_rdata),
    .data_err_i     (data_err),
    .trap_o,
    .trap_cause_o   (trap_cause),
    .trap_pc_o,
    .trap_instr_o,
    .trap_addr_o,
    .retire_o,
    .retire_pc_o,
    .retire_instr_o,
    .rf_we_ex_o,
    .rf_waddr_ex_o,
    .rf_wdata_ex_o,
    .rf_we_wb_o,
    .rf_waddr_wb_o,
    .rf_wdata_wb_o,
    .ev_ex_empty_o,
    .ev_load_use_o,
    .ev_muldiv_o,
    .ev_lsu_o,
    .ev_branch_taken_o,
    .ev_jump_o
  );
  assign trap_cause_o = trap_cause;

  kiln_dpi_mem #(.PortId(0)) u_imem (
    .clk_i,
    .rst_ni,
    .req_i    (instr_req),
    .addr_i   (instr_addr),
    .we_i     (1'b0),
    .be_i     (4'b1111),
    .wdata_i  (32'b0),
    .gnt_o    (instr_gnt),
    .rvalid_o (instr_rvalid),
    .rdata_o  (instr_rdata),
    .err_o    (instr_err),
    .gnt_en_i (imem_gnt_en_i),
    .delay_i  (imem_delay_i)
  );

  kiln_dpi_mem #(.PortId(1)) u_dmem (
    .clk_i,
    .rst_ni,
    .req_i    (data_req),
    .addr_i   (data_addr),
    .we_i     (data_we),
    .be_i     (data_be),
    .wdata_i  (data_wdata),
    .gnt_o    (data_gnt),
    .rvalid_o (data_rvalid),
    .rdata_o  (data_rdata),
    .err_o    (data_err),
    .gnt_en_i (dmem_gnt_en_i),
    .delay_i  (dmem_delay_i)
  );

endmodule

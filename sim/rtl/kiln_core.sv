// Top of the kiln RV32IM + Zicsr + CORE-V (Xpulp subset) core: a three-stage in-order pipeline, fetch (IF) |
// decode, execute and memory request (EX) | load write-back (WB).
//
// Timing (docs/sim.md): one instruction per cycle; a load's data is written in WB,
// so a dependent instruction waits one cycle; jumps redirect fetch from EX in the
// same cycle (2 cycles), taken branches from the next one (3 cycles); MUL takes 1
// cycle, MULH* 5, DIV/REM 3 + clz(|divisor|). A trap stops the core for good.
module kiln_core
  import kiln_pkg::*;
(
  input  logic        clk_i,        // may be gated while nothing happens in the core
  input  logic        cycle_clk_i,  // free-running, for mcycle
  input  logic        rst_ni,
  input  logic [31:0] boot_addr_i,
  input  logic [31:0] hart_id_i,

  output logic        instr_req_o,
  output logic [31:0] instr_addr_o,
  input  logic        instr_gnt_i,
  input  logic        instr_rvalid_i,
  input  logic [31:0] instr_rdata_i,
  input  logic        instr_err_i,

  output logic        data_req_o,
  output logic [31:0] data_addr_o,
  output logic        data_we_o,
  output logic [3:0]  data_be_o,
  output logic [31:0] data_wdata_o,
  input  logic        data_gnt_i,
  input  logic        data_rvalid_i,
  input  logic [31:0] data_rdata_i,
  input  logic        data_err_i,

  // The core stopped on a trap; the other trap outputs describe it.
  output logic        trap_o,
  output trap_cause_e trap_cause_o,
  output logic [31:0] trap_pc_o,
  output logic [31:0] trap_instr_o,
  output logic [31:0] trap_addr_o,

  // Trace: the instruction leaving EX, and both register-file write ports.
  output logic        retire_o,
  output logic [31:0] retire_pc_o,
  output logic [31:0] retire_instr_o,
  output logic        rf_we_ex_o,
  output logic [4:0]  rf_waddr_ex_o,
  output logic [31:0] rf_wdata_ex_o,
  output logic        rf_we_wb_o,
  output logic [4:0]  rf_waddr_wb_o,
  output logic [31:0] rf_wdata_wb_o,

  // Per-cycle events for the harness's stall counters.
  output logic        ev_ex_empty_o,     // no instruction in EX
  output logic        ev_load_use_o,     // EX waits for a load's data
  output logic        ev_muldiv_o,       // EX busy with a multi-cycle MULH*/DIV/REM
  output logic        ev_lsu_o,          // EX waits for the data port
  output logic        ev_branch_taken_o,
  output logic        ev_jump_o
);

  // ---------------------------------------------------------------- IF
  logic        ex_valid, ex_fetch_err, ex_pop;
  logic [31:0] ex_instr, ex_pc;
  logic        redirect, redirect_now;
  logic [31:0] redirect_pc;
  logic        halted_q;

  kiln_fetch u_fetch (
    .clk_i,
    .rst_ni,
    .boot_addr_i,
    .instr_req_o,
    .instr_addr_o,
    .instr_gnt_i,
    .instr_rvalid_i,
    .instr_rdata_i,
    .instr_err_i,
    .valid_o        (ex_valid),
    .instr_o        (ex_instr),
    .pc_o           (ex_pc),
    .err_o          (ex_fetch_err),
    .pop_i          (ex_pop),
    .redirect_i     (redirect),
    .redirect_now_i (redirect_now),
    .redirect_pc_i  (redirect_pc),
    .halt_i         (halted_q),
    .fire_o         (fetch_fire),
    .next_addr_i    (fetch_next)
  );

  // ---------------------------------------------------------------- EX: decode
  logic        dec_illegal, dec_ecall, dec_ebreak;
  logic [4:0]  rs1, rs2, rd;
  logic        rs1_used, rs2_used, rs3_used, rf_we;
  logic [2:0]  result_sel;
  alu_op_e     alu_op;
  op_a_src_e   op_a_src;
  logic        op_b_imm;
  logic [31:0] imm;
  logic        is_load, is_store, mem_unsigned;
  logic [1:0]  mem_size;
  logic        is_branch, is_jal, is_jalr, is_fencei;
  logic [2:0]  branch_cond;
  logic        is_csr, csr_imm;
  csr_op_e     csr_op;
  logic        is_md;
  md_op_e      md_op;
  addr_mode_e  addr_mode;
  inc_sel_e    inc_sel;
  logic        postinc;
  logic        xp_half, xp_sc;
  xp_op_e      xp_op;
  logic        is_hwlp, hwlp_l;
  logic [2:0]  hwlp_op;

  kiln_decoder u_decoder (
    .instr_i        (ex_instr),
    .illegal_o      (dec_illegal),
    .ecall_o        (dec_ecall),
    .ebreak_o       (dec_ebreak),
    .rs1_o          (rs1),
    .rs2_o          (rs2),
    .rd_o           (rd),
    .rs1_used_o     (rs1_used),
    .rs2_used_o     (rs2_used),
    .rs3_used_o     (rs3_used),
    .rf_we_o        (rf_we),
    .result_sel_o   (result_sel),
    .alu_op_o       (alu_op),
    .op_a_src_o     (op_a_src),
    .op_b_imm_o     (op_b_imm),
    .imm_o          (imm),
    .load_o         (is_load),
    .store_o        (is_store),
    .mem_size_o     (mem_size),
    .mem_unsigned_o (mem_unsigned),
    .addr_mode_o    (addr_mode),
    .postinc_o      (postinc),
    .inc_sel_o      (inc_sel),
    .branch_o       (is_branch),
    .branch_cond_o  (branch_cond),
    .jal_o          (is_jal),
    .jalr_o         (is_jalr),
    .fencei_o       (is_fencei),
    .csr_o          (is_csr),
    .csr_op_o       (csr_op),
    .csr_imm_o      (csr_imm),
    .md_o           (is_md),
    .md_op_o        (md_op),
    .xp_op_o        (xp_op),
    .xp_half_o      (xp_half),
    .xp_sc_o        (xp_sc),
    .hwlp_o         (is_hwlp),
    .hwlp_op_o      (hwlp_op),
    .hwlp_l_o       (hwlp_l)
  );

  // ---------------------------------------------------------------- register file
  logic [31:0] rs1_val, rs2_val, rs3_val;
  logic        rf_we_ex, rf_we_wb;
  logic [4:0]  rf_waddr_ex, rf_waddr_wb;
  logic [31:0] rf_wdata_ex, rf_wdata_wb;

  kiln_regfile u_regfile (
    .clk_i,
    .rst_ni,
    .raddr_a_i (rs1),
    .rdata_a_o (rs1_val),
    .raddr_b_i (rs2),
    .rdata_b_o (rs2_val),
    .raddr_c_i (rd),
    .rdata_c_o (rs3_val),
    .we_a_i    (rf_we_ex),
    .waddr_a_i (rf_waddr_ex),
    .wdata_a_i (rf_wdata_ex),
    .we_b_i    (rf_we_wb),
    .waddr_b_i (rf_waddr_wb),
    .wdata_b_i (rf_wdata_wb)
  );

  // ---------------------------------------------------------------- EX: execute
  logic [31:0] op_a, op_b, alu_result;
  logic        cond_true;
  always_comb begin
    unique case (op_a_src)
      OpASrcRs1: op_a = rs1_val;
      OpASrcPc:  op_a = ex_pc;
      default:   op_a = '0;
    endcase
  end
  assign op_b = op_b_imm ? imm : rs2_val;

  kiln_alu u_alu (
    .op_i        (alu_op),
    .a_i         (op_a),
    .b_i         (op_b),
    .result_o    (alu_result),
    .cond_i      (branch_cond),
    .cmp_a_i     (rs1_val),
    .cmp_b_i     (rs2_val),
    .cond_true_o (cond_true)
  );

  // Control-flow targets: PC-relative for JAL and branches, rs1 + imm for JALR.
  logic [31:0] pc_imm, pc_plus4, jump_target;
  assign pc_imm      = ex_pc + imm;
  assign pc_plus4    = ex_pc + 32'd4;
  assign jump_target = is_jalr ? {alu_result[31:1], 1'b0} : pc_imm;

  // Hazards. WB state comes from the LSU.
  logic wb_busy, wb_load_pending, wb_err;
  logic [4:0] wb_rd;
  logic load_use;
  assign load_use = wb_load_pending && (wb_rd != 5'd0) &&
                    ((rs1_used && rs1 == wb_rd) || (rs2_used && rs2 == wb_rd) ||
                     (rs3_used && rd == wb_rd));

  // CORE-V addressing: the access address and the post-incremented base.
  logic [31:0] mem_addr, inc, postinc_addr;
  always_comb begin
    unique case (addr_mode)
      AddrRs1:    mem_addr = rs1_val;
      AddrRs1Rs2: mem_addr = rs1_val + rs2_val;
      AddrRs1Rs3: mem_addr = rs1_val + rs3_val;
      default:    mem_addr = alu_result;
    endcase
    unique case (inc_sel)
      IncRs2:  inc = rs2_val;
      IncRs3:  inc = rs3_val;
      default: inc = imm;
    endcase
  end
  assign postinc_addr = rs1_val + inc;

  // CORE-V SIMD, clip and MAC. cv.clip/cv.clipu take Is2 from the rs2 field.
  logic [31:0] xp_result;
  kiln_xpulp u_xpulp (
    .en_i     (result_sel == 3'd4),
    .op_i     (xp_op),
    .half_i   (xp_half),
    .sc_i     (xp_sc),
    .a_i      (rs1_val),
    .b_i      ((xp_op == XpClip || xp_op == XpClipu) ? {27'b0, rs2} : rs2_val),
    .c_i      (rs3_val),
    .result_o (xp_result)
  );

  // The instruction in EX has its operands and may act (or trap) this cycle.
  logic can_go;
  assign can_go = ex_valid && !halted_q && !load_use && !wb_busy && !wb_err;

  // Exceptions found in EX, before the instruction has any effect.
  logic        csr_illegal, lsu_misaligned;
  trap_cause_e ex_cause;
  logic [31:0] ex_trap_addr;
  always_comb begin
    ex_cause     = TrapNone;
    ex_trap_addr = ex_pc;
    if (ex_fetch_err) begin
      ex_cause = TrapInstrBusError;
    end else if (dec_illegal || (is_csr && csr_illegal)) begin
      ex_cause = TrapIllegalInstr;
    end else if (dec_ecall) begin
      ex_cause = TrapEcall;
    end else if (dec_ebreak) begin
      ex_cause = TrapEbreak;
    end else if ((is_load || is_store) && lsu_misaligned) begin
      ex_cause     = is_load ? TrapLoadMisaligned : TrapStoreMisaligned;
      ex_trap_addr = mem_addr;
    end else if ((is_jal || is_jalr) && jump_target[1]) begin
      ex_cause     = TrapInstrMisaligned;
      ex_trap_addr = jump_target;
    end else if (is_branch && cond_true && pc_imm[1]) begin
      ex_cause     = TrapInstrMisaligned;
      ex_trap_addr = pc_imm;
    end
  end

  logic ex_exc, ex_go;
  assign ex_exc = can_go && (ex_cause != TrapNone);
  assign ex_go  = can_go && (ex_cause == TrapNone);

  // Multiply/divide.
  logic [31:0] mult_result, div_result;
  logic        mult_done, div_done, md_done;
  kiln_mult u_mult (
    .clk_i,
    .rst_ni,
    .valid_i  (ex_go && is_md && !md_op[2]),
    .op_i     (md_op),
    .a_i      (rs1_val),
    .b_i      (rs2_val),
    .result_o (mult_result),
    .done_o   (mult_done)
  );
  kiln_div u_div (
    .clk_i,
    .rst_ni,
    .valid_i  (ex_go && is_md && md_op[2]),
    .op_i     (md_op),
    .a_i      (rs1_val),
    .b_i      (rs2_val),
    .result_o (div_result),
    .done_o   (div_done)
  );
  assign md_done = md_op[2] ? div_done : mult_done;

  // Loads and stores.
  logic        lsu_gnt, wb_err_store;
  logic [31:0] wb_err_pc, wb_err_instr, wb_err_addr;
  kiln_lsu u_lsu (
    .clk_i,
    .rst_ni,
    .req_i             (ex_go && (is_load || is_store)),
    .we_i              (is_store),
    .size_i            (mem_size),
    .unsigned_i        (mem_unsigned),
    .addr_i            (mem_addr),
    .wdata_i           (rs2_val),
    .rd_i              (rd),
    .pc_i              (ex_pc),
    .instr_i           (ex_instr),
    .misaligned_o      (lsu_misaligned),
    .gnt_o             (lsu_gnt),
    .wb_busy_o         (wb_busy),
    .wb_load_pending_o (wb_load_pending),
    .wb_rd_o           (wb_rd),
    .rf_we_o           (rf_we_wb),
    .rf_waddr_o        (rf_waddr_wb),
    .rf_wdata_o        (rf_wdata_wb),
    .err_o             (wb_err),
    .err_store_o       (wb_err_store),
    .err_pc_o          (wb_err_pc),
    .err_instr_o       (wb_err_instr),
    .err_addr_o        (wb_err_addr),
    .data_req_o,
    .data_addr_o,
    .data_we_o,
    .data_be_o,
    .data_wdata_o,
    .data_gnt_i,
    .data_rvalid_i,
    .data_rdata_i,
    .data_err_i
  );
  // CSRs.
  logic [31:0] csr_rdata;
  logic        ex_done;
  kiln_csr u_csr (
    .clk_i,
    .cycle_clk_i,
    .rst_ni,
    .hart_id_i,
    .addr_i    (ex_instr[31:20]),
    .op_i      (csr_op),
    .operand_i (csr_imm ? {27'b0, rs1} : rs1_val),
    .write_i   (csr_op == CsrOpWrite || rs1 != 5'd0),
    .commit_i  (ex_done && is_csr),
    .rdata_o   (csr_rdata),
    .illegal_o (csr_illegal),
    .retire_i  (ex_done)
  );

  // The instruction completes: multi-cycle units and the data port may hold it.
  always_comb begin
    if (is_load || is_store) ex_done = ex_go && lsu_gnt;
    else if (is_md) ex_done = ex_go && md_done;
    else ex_done = ex_go;
  end
  assign ex_pop = ex_done;

  // Hardware loops.
  logic        fetch_fire;
  logic [31:0] fetch_next;
  kiln_hwloop u_hwloop (
    .clk_i,
    .rst_ni,
    .we_i         (ex_done && is_hwlp),
    .op_i         (hwlp_op),
    .l_i          (hwlp_l),
    .pc_i         (ex_pc),
    .rs1_i        (rs1_val),
    .uimm_l_i     (ex_instr[31:20]),
    .uimm_s_i     (ex_instr[19:15]),
    .retire_i     (ex_done),
    .redirect_i   (redirect),
    .fetch_fire_i (fetch_fire),
    .fetch_addr_i (instr_addr_o),
    .fetch_next_o (fetch_next)
  );

  logic branch_taken, jump;
  assign branch_taken = ex_done && is_branch && cond_true;
  assign jump         = ex_done && (is_jal || is_jalr);
  assign redirect     = branch_taken || jump || (ex_done && is_fencei);
  assign redirect_now = jump;
  assign redirect_pc  = jump ? jump_target : (branch_taken ? pc_imm : pc_plus4);

  // Register write from EX (everything but loads, whose data comes in WB; a post-
  // increment load or store writes its new base address here).
  assign rf_we_ex    = ex_done && ((rf_we && !is_load) || postinc);
  assign rf_waddr_ex = postinc ? rs1 : rd;
  always_comb begin
    if (postinc) begin
      rf_wdata_ex = postinc_addr;
    end else begin
      unique case (result_sel)
        3'd0:    rf_wdata_ex = alu_result;
        3'd1:    rf_wdata_ex = pc_plus4;
        3'd2:    rf_wdata_ex = csr_rdata;
        3'd3:    rf_wdata_ex = md_op[2] ? div_result : mult_result;
        default: rf_wdata_ex = xp_result;
      endcase
    end
  end

  // ---------------------------------------------------------------- traps
  trap_cause_e trap_cause_q;
  logic [31:0] trap_pc_q, trap_instr_q, trap_addr_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      halted_q     <= 1'b0;
      trap_cause_q <= TrapNone;
      trap_pc_q    <= '0;
      trap_instr_q <= '0;
      trap_addr_q  <= '0;
    end else if (!halted_q) begin
      // The access in WB is older than the instruction in EX, so it reports first.
      if (wb_err) begin
        halted_q     <= 1'b1;
        trap_cause_q <= wb_err_store ? TrapStoreBusError : TrapLoadBusError;
        trap_pc_q    <= wb_err_pc;
        trap_instr_q <= wb_err_instr;
        trap_addr_q  <= wb_err_addr;
      end else if (ex_exc) begin
        halted_q     <= 1'b1;
        trap_cause_q <= ex_cause;
        trap_pc_q    <= ex_pc;
        trap_instr_q <= ex_instr;
        trap_addr_q  <= ex_trap_addr;
      end
    end
  end
  assign trap_o       = halted_q;
  assign trap_cause_o = trap_cause_q;
  assign trap_pc_o    = trap_pc_q;
  assign trap_instr_o = trap_instr_q;
  assign trap_addr_o  = trap_addr_q;

  // ---------------------------------------------------------------- trace + events
  assign retire_o       = ex_done;
  assign retire_pc_o    = ex_pc;
  assign retire_instr_o = ex_instr;
  assign rf_we_ex_o     = rf_we_ex && (rf_waddr_ex != 5'd0);
  assign rf_waddr_ex_o  = rf_waddr_ex;
  assign rf_wdata_ex_o  = rf_wdata_ex;
  assign rf_we_wb_o     = rf_we_wb && (rf_waddr_wb != 5'd0);
  assign rf_waddr_wb_o  = rf_waddr_wb;
  assign rf_wdata_wb_o  = rf_wdata_wb;

  assign ev_ex_empty_o     = !ex_valid && !halted_q;
  assign ev_load_use_o     = ex_valid && !halted_q && load_use;
  assign ev_muldiv_o       = ex_go && is_md && !md_done;
  assign ev_lsu_o          = ex_valid && !halted_q && !load_use &&
                             (wb_busy || (ex_go && (is_load || is_store) && !lsu_gnt));
  assign ev_branch_taken_o = branch_taken;
  assign ev_jump_o         = jump;

endmodule

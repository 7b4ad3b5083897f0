// Load-store unit of the kiln core: drives the data port from EX (address, byte
// enables, aligned store data) and, in WB, takes the response, extracts and extends
// load data for the register file and reports bus errors.
module kiln_lsu (
  input  logic        clk_i,
  input  logic        rst_ni,

  // From EX. req_i may only be raised when wb_busy_o is low, so at most one access
  // waits for its response and responses come back in order.
  input  logic        req_i,
  input  logic        we_i,
  input  logic [1:0]  size_i,      // 0 byte, 1 half, 2 word
  input  logic        unsigned_i,
  input  logic [31:0] addr_i,
  input  logic [31:0] wdata_i,
  input  logic [4:0]  rd_i,
  input  logic [31:0] pc_i,
  input  logic [31:0] instr_i,
  output logic        misaligned_o,  // combinational, for size_i/addr_i
  output logic        gnt_o,         // the access left EX this cycle

  // WB state, for hazards in EX.
  output logic        wb_busy_o,          // waiting, and no response this cycle
  output logic        wb_load_pending_o,  // a load whose data is not yet written
  output logic [4:0]  wb_rd_o,

  // Load write-back.
  output logic        rf_we_o,
  output logic [4:0]  rf_waddr_o,
  output logic [31:0] rf_wdata_o,

  // Bus error of the access in WB.
  output logic        err_o,
  output logic        err_store_o,
  output logic [31:0] err_pc_o,
  output logic [31:0] err_instr_o,
  output logic [31:0] err_addr_o,

  output logic        data_req_o,
  output logic [31:0] data_addr_o,
  output logic        data_we_o,
  output logic [3:0]  data_be_o,
  output logic [31:0] data_wdata_o,
  input  logic        data_gnt_i,
  input  logic        data_rvalid_i,
  input  logic [31:0] data_rdata_i,
  input  logic        data_err_i
);

  always_comb begin
    unique case (size_i)
      2'd0:    misaligned_o = 1'b0;
      2'd1:    misaligned_o = addr_i[0];
      default: misaligned_o = (addr_i[1:0] != 2'b00);
    endcase
  end

  // The port carries word-aligned addresses with byte enables, like OBI.
  always_comb begin
    unique case (size_i)
      2'd0:    data_be_o = 4'b0001 << addr_i[1:0];
      2'd1:    data_be_o = 4'b0011 << addr_i[1:0];
      default: data_be_o = 4'b1111;
    endcase
  end
  assign data_req_o   = req_i;
  assign data_addr_o  = {addr_i[31:2], 2'b00};
  assign data_we_o    = we_i;
  assign data_wdata_o = wdata_i << {addr_i[1:0], 3'b000};
  assign gnt_o        = req_i && data_gnt_i;

  // WB stage registers: the access waiting for its response.
  logic        wb_valid_q, wb_we_q, wb_unsigned_q;
  logic [1:0]  wb_size_q;
  logic [4:0]  wb_rd_q;
  logic [31:0] wb_addr_q, wb_pc_q, wb_instr_q;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      wb_valid_q    <= 1'b0;
      wb_we_q       <= 1'b0;
      wb_unsigned_q <= 1'b0;
      wb_size_q     <= '0;
      wb_rd_q       <= '0;
      wb_addr_q     <= '0;
      wb_pc_q       <= '0;
      wb_instr_q    <= '0;
    end else begin
      if (gnt_o) begin
        wb_valid_q    <= 1'b1;
        wb_we_q       <= we_i;
        wb_unsigned_q <= unsigned_i;
        wb_size_q     <= size_i;
        wb_rd_q       <= rd_i;
        wb_addr_q     <= addr_i;
        wb_pc_q       <= pc_i;
        wb_instr_q    <= instr_i;
      end else if (data_rvalid_i) begin
        wb_valid_q <= 1'b0;
      end
    end
  end

  assign wb_busy_o         = wb_valid_q && !data_rvalid_i;
  assign wb_load_pending_o = wb_valid_q && !wb_we_q;
  assign wb_rd_o           = wb_rd_q;

  // Load data: select the addressed byte/half and extend it.
  logic [15:0] shifted;
  assign shifted = 16'(data_rdata_i >> {wb_addr_q[1:0], 3'b000});
  always_comb begin
    unique case (wb_size_q)
      2'd0:    rf_wdata_o = {{24{!wb_unsigned_q && shifted[7]}}, shifted[7:0]};
      2'd1:    rf_wdata_o = {{16{!wb_unsigned_q && shifted[15]}}, shifted[15:0]};
      default: rf_wdata_o = data_rdata_i;
    endcase
  end
  assign rf_we_o    = wb_valid_q && data_rvalid_i && !data_err_i && !wb_we_q;
  assign rf_waddr_o = wb_rd_q;

  assign err_o       = wb_valid_q && data_rvalid_i && data_err_i;
  assign err_store_o = wb_we_q;
  assign err_pc_o    = wb_pc_q;
  assign err_instr_o = wb_instr_q;
  assign err_addr_o  = wb_addr_q;

endmodule

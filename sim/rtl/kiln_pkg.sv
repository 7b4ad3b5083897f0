// Shared definitions of the kiln RV32IM core: opcodes, operation encodings and trap
// causes, kept in one package so the decoder, the units and the harness agree.
package kiln_pkg;

  // Major opcodes (instr[6:0]) of RV32IM + Zicsr.
  localparam logic [6:0] OpcLui    = 7'b0110111;
  localparam logic [6:0] OpcAuipc  = 7'b0010111;
  localparam logic [6:0] OpcJal    = 7'b1101111;
  localparam logic [6:0] OpcJalr   = 7'b1100111;
  localparam logic [6:0] OpcBranch = 7'b1100011;
  localparam logic [6:0] OpcLoad   = 7'b0000011;
  localparam logic [6:0] OpcStore  = 7'b0100011;
  localparam logic [6:0] OpcOpImm  = 7'b0010011;
  localparam logic [6:0] OpcOp     = 7'b0110011;
  localparam logic [6:0] OpcFence  = 7'b0001111;
  localparam logic [6:0] OpcSystem = 7'b1110011;
  // CORE-V (CV32E40P v2) custom opcodes: post-increment loads (custom-0); post-
  // increment stores, register-register memory ops, hardware loops, clip and MAC
  // (custom-1); packed SIMD (custom-3).
  localparam logic [6:0] OpcCustom0 = 7'b0001011;
  localparam logic [6:0] OpcCustom1 = 7'b0101011;
  localparam logic [6:0] OpcCustom3 = 7'b1111011;

  typedef enum logic [3:0] {
    AluAdd,
    AluSub,
    AluSll,
    AluSlt,
    AluSltu,
    AluXor,
    AluSrl,
    AluSra,
    AluOr,
    AluAnd,
    AluPassB  // LUI: the immediate goes straight through
  } alu_op_e;

  // Operand A of the ALU: a register, the PC (AUIPC, link address) or zero.
  typedef enum logic [1:0] {
    OpASrcRs1,
    OpASrcPc,
    OpASrcZero
  } op_a_src_e;

  typedef enum logic [1:0] {
    CsrOpWrite,
    CsrOpSet,
    CsrOpClear
  } csr_op_e;

  // funct3 of the M extension; bit 2 tells multiply from divide.
  typedef enum logic [2:0] {
    MdMul    = 3'b000,
    MdMulh   = 3'b001,
    MdMulhsu = 3'b010,
    MdMulhu  = 3'b011,
    MdDiv    = 3'b100,
    MdDivu   = 3'b101,
    MdRem    = 3'b110,
    MdRemu   = 3'b111
  } md_op_e;

  // Operations of kiln_xpulp (CORE-V SIMD, clip, MAC). Lane width and the scalar
  // replicate form are separate flags.
  typedef enum logic [4:0] {
    XpAdd,
    XpSub,
    XpMin,
    XpMinu,
    XpMax,
    XpMaxu,
    XpDotup,
    XpDotusp,
    XpDotsp,
    XpSdotup,
    XpSdotusp,
    XpSdotsp,
    XpClip,
    XpClipu,
    XpClipr,
    XpClipur,
    XpMac,
    XpMsu
  } xp_op_e;

  // Memory address of a load/store: rs1 + imm (RV32I), rs1 (post-increment),
  // rs1 + rs2 (register-register load) or rs1 + rs3 (register-register store).
  typedef enum logic [1:0] {
    AddrRs1Imm,
    AddrRs1,
    AddrRs1Rs2,
    AddrRs1Rs3
  } addr_mode_e;

  // Post-increment amount: the immediate, rs2 (loads) or rs3 (stores).
  typedef enum logic [1:0] {
    IncImm,
    IncRs2,
    IncRs3
  } inc_sel_e;

  // Why the core stopped. The harness prints these names (sim/tb/sim_main.cc).
  typedef enum logic [3:0] {
    TrapNone            = 4'd0,
    TrapIllegalInstr    = 4'd1,
    TrapEcall           = 4'd2,
    TrapEbreak          = 4'd3,
    TrapInstrMisaligned = 4'd4,  // jump/branch target not 4-byte aligned
    TrapInstrBusError   = 4'd5,  // fetch from an unmapped address
    TrapLoadMisaligned  = 4'd6,
    TrapStoreMisaligned = 4'd7,
    TrapLoadBusError    = 4'd8,
    TrapStoreBusError   = 4'd9
  } trap_cause_e;

  // CSR addresses implemented by kiln_csr.
  localparam logic [11:0] CsrMisa      = 12'h301;
  localparam logic [11:0] CsrMcycle    = 12'hB00;
  localparam logic [11:0] CsrMinstret  = 12'hB02;
  localparam logic [11:0] CsrMcycleh   = 12'hB80;
  localparam logic [11:0] CsrMinstreth = 12'hB82;
  localparam logic [11:0] CsrCycle     = 12'hC00;
  localparam logic [11:0] CsrInstret   = 12'hC02;
  localparam logic [11:0] CsrCycleh    = 12'hC80;
  localparam logic [11:0] CsrInstreth  = 12'hC82;
  localparam logic [11:0] CsrMvendorid = 12'hF11;
  localparam logic [11:0] CsrMarchid   = 12'hF12;
  localparam logic [11:0] CsrMimpid    = 12'hF13;
  localparam logic [11:0] CsrMhartid   = 12'hF14;

endpackage

// ELF32 parsing for kiln-sim (see elf_loader.h). Field offsets follow the
// System V ABI ELF specification; every read is bounds-checked, since the file
// is input.
#include "sim/tb/elf_loader.h"

#include <cstring>
#include <fstream>
#include <iterator>

namespace kiln::sim {
namespace {

constexpr uint16_t kMachineRiscv = 243;
constexpr uint32_t kPtLoad = 1;
constexpr uint32_t kShtSymtab = 2;

class Reader {
 public:
  explicit Reader(const std::vector<uint8_t>& data) : data_(data) {}
  bool Has(uint64_t off, uint64_t len) const {
    return off <= data_.size() && len <= data_.size() - off;
  }
  uint8_t U8(uint64_t off) const { return data_[off]; }
  uint16_t U16(uint64_t off) const {
    return static_cast<uint16_t>(data_[off] | data_[off + 1] << 8);
  }
  uint32_t U32(uint64_t off) const {
    return static_cast<uint32_t>(U16(off)) | static_cast<uint32_t>(U16(off + 2))
                                                 << 16;
  }

 private:
  const std::vector<uint8_t>& data_;
};

}  // namespace

std::optional<ElfSymbol> ElfImage::FindSymbol(const std::string& name) const {
  auto it = symbols.find(name);
  if (it == symbols.end()) return std::nullopt;
  return it->second;
}

std::optional<ElfImage> LoadElf(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open " + path;
    return std::nullopt;
  }
  std::vector<uint8_t> data((std::istreambuf_iterator<char>(in)),
                            std::istreambuf_iterator<char>());
  Reader r(data);
  auto fail = [&](const std::string& what) {
    *error = path + ": " + what;
    return std::nullopt;
  };
  if (!r.Has(0, 52) || std::memcmp(data.data(),
                                   "\x7f"
                                   "ELF",
                                   4) != 0) {
    return fail("not an ELF file");
  }
  if (r.U8(4) != 1 || r.U8(5) != 1) {
    return fail("not a 32-bit little-endian ELF");
  }
  if (r.U16(18) != kMachineRiscv) return fail("not a RISC-V ELF");

  ElfImage image;
  image.entry = r.U32(24);
  const uint32_t phoff = r.U32(28);
  const uint32_t shoff = r.U32(32);
  const uint16_t phentsize = r.U16(42);
  const uint16_t phnum = r.U16(44);
  const uint16_t shentsize = r.U16(46);
  const uint16_t shnum = r.U16(48);

  for (uint32_t i = 0; i < phnum; ++i) {
    const uint64_t ph = phoff + uint64_t{i} * phentsize;
    if (!r.Has(ph, 32)) return fail("truncated program header");
    if (r.U32(ph) != kPtLoad) continue;
    const uint32_t offset = r.U32(ph + 4);
    const uint32_t filesz = r.U32(ph + 16);
    ElfSegment seg;
    seg.vaddr = r.U32(ph + 8);
    seg.mem_size = r.U32(ph + 20);
    if (filesz > seg.mem_size || !r.Has(offset, filesz)) {
      return fail("bad PT_LOAD segment");
    }
    seg.bytes.assign(data.begin() + offset, data.begin() + offset + filesz);
    image.segments.push_back(std::move(seg));
  }

  // Symbols: every SHT_SYMTAB section, with names from its linked string table.
  for (uint32_t i = 0; i < shnum; ++i) {
    const uint64_t sh = shoff + uint64_t{i} * shentsize;
    if (!r.Has(sh, 40)) return fail("truncated section header");
    if (r.U32(sh + 4) != kShtSymtab) continue;
    const uint32_t sym_off = r.U32(sh + 16);
    const uint32_t sym_size = r.U32(sh + 20);
    const uint32_t link = r.U32(sh + 24);
    const uint64_t str_sh = shoff + uint64_t{link} * shentsize;
    if (link >= shnum || !r.Has(str_sh, 40)) return fail("bad symtab link");
    const uint32_t str_off = r.U32(str_sh + 16);
    const uint32_t str_size = r.U32(str_sh + 20);
    if (!r.Has(sym_off, sym_size) || !r.Has(str_off, str_size)) {
      return fail("truncated symbol table");
    }
    for (uint32_t s = 0; s + 16 <= sym_size; s += 16) {
      const uint64_t sym = sym_off + s;
      const uint32_t name = r.U32(sym);
      const uint16_t shndx = r.U16(sym + 14);
      if (name == 0 || name >= str_size || shndx == 0) continue;
      const char* begin =
          reinterpret_cast<const char*>(data.data()) + str_off + name;
      const size_t max_len = str_size - name;
      const std::string symbol_name(begin, strnlen(begin, max_len));
      ElfSymbol symbol{r.U32(sym + 4), r.U32(sym + 8)};
      // A global definition wins over a local of the same name.
      const bool global = (r.U8(sym + 12) >> 4) != 0;
      if (global || image.symbols.count(symbol_name) == 0) {
        image.symbols[symbol_name] = symbol;
      }
    }
  }
  return image;
}

}  // namespace kiln::sim

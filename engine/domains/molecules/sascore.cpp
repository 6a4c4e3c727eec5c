// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/sascore.h"

#include "core/gzipfile.h"

#include <DataStructs/SparseIntVect.h>
#include <GraphMol/Descriptors/Lipinski.h>
#include <GraphMol/Fingerprints/MorganFingerprints.h>
#include <GraphMol/MolOps.h>
#include <GraphMol/ROMol.h>
#include <GraphMol/RingInfo.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <vector>

namespace paretolab::engine {

namespace {

/// gzread also passes a file that is not compressed through unchanged, as gzip.open does
/// not; the pickle parser then still rejects anything that is not the expected pickle.
std::string
readFragmentScores(const std::string& path)
{
  try {
    return readGzipFile(path);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("SA score: fragment scores: ") + e.what());
  }
}

// Just enough of the pickle machine for protocol 0 lists of numbers (what pickle.dump wrote
// for sascorer.py): MARK, LIST, APPEND, PUT, GET, INT, LONG, FLOAT and STOP.
class Protocol0Reader
{
public:
  struct Value
  {
    enum class Kind
    {
      Mark,
      Int,
      Float,
      List
    };
    Kind kind = Kind::Mark;
    int64_t integer = 0; // the value of an Int, the index into m_lists of a List
    double real = 0;
  };

  explicit Protocol0Reader(std::string_view text)
    : m_text(text)
  {
  }

  // Runs the opcodes up to STOP and returns the pickled object.
  Value run()
  {
    while (m_pos < m_text.size()) {
      const char op = m_text[m_pos++];
      switch (op) {
        case '(':
          m_stack.push_back(Value{});
          break;
        case 'l': {
          size_t mark = m_stack.size();
          while (mark > 0 && m_stack[mark - 1].kind != Value::Kind::Mark)
            --mark;
          if (mark == 0)
            fail("LIST without MARK");
          m_lists.emplace_back(m_stack.begin() + std::ptrdiff_t(mark), m_stack.end());
          m_stack.resize(mark - 1);
          m_stack.push_back({ Value::Kind::List, int64_t(m_lists.size() - 1), 0 });
          break;
        }
        case 'a': {
          if (m_stack.size() < 2 || m_stack[m_stack.size() - 2].kind != Value::Kind::List)
            fail("APPEND without a list");
          const Value item = m_stack.back();
          m_stack.pop_back();
          m_lists[size_t(m_stack.back().integer)].push_back(item);
          break;
        }
        case 'p':
          if (m_stack.empty())
            fail("PUT on an empty stack");
          m_memo[integerArgument(line())] = m_stack.back();
          break;
        case 'g': {
          const auto found = m_memo.find(integerArgument(line()));
          if (found == m_memo.end())
            fail("GET of an unknown memo key");
          m_stack.push_back(found->second);
          break;
        }
        case 'I':
          m_stack.push_back({ Value::Kind::Int, integerArgument(line()), 0 });
          break;
        case 'L': {
          auto digits = line();
          if (!digits.empty() && digits.back() == 'L')
            digits.remove_suffix(1);
          m_stack.push_back({ Value::Kind::Int, integerArgument(digits), 0 });
          break;
        }
        case 'F': {
          const auto digits = line();
          double value = 0;
          const auto [end, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), value);
          if (ec != std::errc() || end != digits.data() + digits.size())
            fail("bad FLOAT");
          m_stack.push_back({ Value::Kind::Float, 0, value });
          break;
        }
        case '.':
          if (m_stack.size() != 1)
            fail("STOP with a stack of " + std::to_string(m_stack.size()));
          return m_stack.back();
        default:
          fail(std::string("unsupported opcode '") + op + "'");
      }
    }
    fail("no STOP");
  }

  const std::vector<Value>& list(const Value& value) const
  {
    if (value.kind != Value::Kind::List)
      fail("expected a list");
    return m_lists[size_t(value.integer)];
  }

private:
  [[noreturn]] void fail(const std::string& what) const
  {
    throw std::invalid_argument(what + " at byte " + std::to_string(m_pos));
  }

  std::string_view line()
  {
    const size_t end = m_text.find('\n', m_pos);
    if (end == std::string_view::npos)
      fail("unterminated argument");
    auto argument = m_text.substr(m_pos, end - m_pos);
    m_pos = end + 1;
    return argument;
  }

  int64_t integerArgument(std::string_view digits) const
  {
    int64_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size())
      fail("bad integer");
    return value;
  }

  std::string_view m_text;
  size_t m_pos = 0;
  std::vector<Value> m_stack;
  std::vector<std::vector<Value>> m_lists;
  std::unordered_map<int64_t, Value> m_memo;
};

} // namespace

SaScorer::SaScorer(const std::string& fpscoresPath)
{
  const std::string text = readFragmentScores(fpscoresPath);
  try {
    Protocol0Reader reader(text);
    const auto data = reader.run();
    // As readFragmentScores: each inner list is [score, id, id, ...]; a later id wins.
    for (const auto& group : reader.list(data)) {
      const auto& items = reader.list(group);
      if (items.empty() || items.front().kind == Protocol0Reader::Value::Kind::List ||
          items.front().kind == Protocol0Reader::Value::Kind::Mark)
        throw std::invalid_argument("a group does not start with a number");
      const auto& head = items.front();
      const double score =
        head.kind == Protocol0Reader::Value::Kind::Float ? head.real : double(head.integer);
      for (size_t i = 1; i < items.size(); ++i) {
        if (items[i].kind != Protocol0Reader::Value::Kind::Int)
          throw std::invalid_argument("a fragment id is not an integer");
        m_fragmentScores[items[i].integer] = score;
      }
    }
  } catch (const std::invalid_argument& error) {
    throw std::runtime_error("SA score: " + fpscoresPath +
                             " is not a pickle of fragment scores: " + error.what());
  }
}

const SaScorer&
SaScorer::shared()
{
  static const SaScorer scorer;
  return scorer;
}

double
SaScorer::score(const RDKit::ROMol& mol) const
{
  // FindMolChiralCenters assigns stereochemistry on the molecule: do that on a copy.
  RDKit::ROMol m(mol);
  if (!m.getRingInfo()->isInitialized())
    RDKit::MolOps::findSSSR(m);

  // Fragment score: unhashed Morgan counts of radius 2.
  const std::unique_ptr<RDKit::SparseIntVect<std::uint32_t>> fp(
    RDKit::MorganFingerprints::getFingerprint(m, 2));
  const auto& fps = fp->getNonzeroElements();
  if (fps.empty())
    throw std::invalid_argument("SA score: the molecule has no atoms");
  double score1 = 0.;
  int nf = 0;
  for (const auto& [bitId, v] : fps) {
    nf += v;
    const auto found = m_fragmentScores.find(int64_t(bitId));
    score1 += (found != m_fragmentScores.end() ? found->second : -4.) * v;
  }
  score1 /= nf;

  // Features score. Chem.FindMolChiralCenters(m, includeUnassigned=True) with its legacy
  // implementation: centres with a CIP code or flagged as possible.
  const unsigned nAtoms = m.getNumAtoms();
  RDKit::MolOps::assignStereochemistry(m,
                                       /*cleanIt=*/false,
                                       /*force=*/true,
                                       /*flagPossibleStereoCenters=*/true);
  unsigned nChiralCenters = 0;
  for (const auto* atom : m.atoms())
    if (atom->hasProp(RDKit::common_properties::_CIPCode) ||
        atom->hasProp(RDKit::common_properties::_ChiralityPossible))
      ++nChiralCenters;
  const unsigned nBridgeheads = RDKit::Descriptors::calcNumBridgeheadAtoms(m);
  const unsigned nSpiro = RDKit::Descriptors::calcNumSpiroAtoms(m);
  unsigned nMacrocycles = 0;
  for (const auto& ring : m.getRingInfo()->atomRings())
    if (ring.size() > 8)
      ++nMacrocycles;

  const double sizePenalty = std::pow(double(nAtoms), 1.005) - nAtoms;
  const double stereoPenalty = std::log10(nChiralCenters + 1.);
  const double spiroPenalty = std::log10(nSpiro + 1.);
  const double bridgePenalty = std::log10(nBridgeheads + 1.);
  // Not log10(nMacrocycles + 1) as in the paper: sascorer.py finds this better for two or more.
  const double macrocyclePenalty = nMacrocycles > 0 ? std::log10(2.) : 0.;
  const double score2 =
    0. - sizePenalty - stereoPenalty - spiroPenalty - bridgePenalty - macrocyclePenalty;

  // Fingerprint density correction (version 1.1): symmetric molecules are easier to make.
  double score3 = 0.;
  if (nAtoms > fps.size())
    score3 = std::log(double(nAtoms) / double(fps.size())) * .5;

  double sascore = score1 + score2 + score3;

  // From the raw value to the scale 1..10, smoothing the hard end.
  const double min = -4.0;
  const double max = 2.5;
  sascore = 11. - (sascore - min + 1) / (max - min) * 9.;
  if (sascore > 8.)
    sascore = 8. + std::log(sascore + 1. - 9.);
  if (sascore > 10.)
    sascore = 10.0;
  else if (sascore < 1.)
    sascore = 1.0;
  return sascore;
}

} // namespace paretolab::engine

// Session files: a checksummed container of config, state, history and view settings.
#include "app/state/session_file.hpp"

#include <zlib.h>

#include <nlohmann/json.hpp>

#include "app/state/metric_store.hpp"
#include "common/atomic_file.hpp"
#include "common/byte_stream.hpp"
#include "common/json_reader.hpp"
#include "common/read_file.hpp"
#include "core/api/session.hpp"

namespace ganscope {
namespace {

constexpr std::string_view kMagic = "GANSCOPE-SESSION";

uint32_t checksum(std::string_view bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  // zlib takes a uInt length: feed large payloads in pieces.
  for (size_t offset = 0; offset < bytes.size();) {
    const size_t n = std::min<size_t>(bytes.size() - offset, 1u << 30);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + offset), static_cast<uInt>(n));
    offset += n;
  }
  return static_cast<uint32_t>(crc);
}

/// Why bytes that are not a session file are not one, as helpfully as we can tell.
std::string notASession(std::string_view bytes) {
  if (bytes.empty()) return "is empty, not a ganscope session file";
  const size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && bytes[first] == '{') {
    return "is JSON (a config?), not a ganscope session file; a config opens with --config";
  }
  return "is not a ganscope session file (it does not start with \"GANSCOPE-SESSION\")";
}

}  // namespace

SessionFile captureSession(Session& session, const MetricStore& store, const ViewSettings& view) {
  SessionFile file;
  file.state = session.saveState();
  file.config = Session::configOfState(file.state);
  file.history = store.exportHistory();
  file.view = view;
  return file;
}

std::string encodeSessionFile(const SessionFile& session) {
  ByteWriter payload;
  payload.putString(configToJson(session.config).dump());
  payload.putString(viewSettingsToJson(session.view).dump());
  payload.putString(session.state);
  payload.putString(session.history);
  ByteWriter out;
  out.putRaw(kMagic);
  out.put<uint32_t>(kSessionFileVersion);
  out.put<uint64_t>(payload.bytes().size());
  out.put<uint32_t>(checksum(payload.bytes()));
  out.putRaw(payload.bytes());
  return std::move(out.bytes());
}

SessionFile decodeSessionFile(std::string_view bytes, const std::string& source) {
  ByteReader in(bytes, source);
  if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic) {
    in.fail(notASession(bytes));
  }
  in.raw(kMagic.size(), "magic");
  const auto version = in.get<uint32_t>("format version");
  if (version != kSessionFileVersion) {
    in.fail("session file format version " + std::to_string(version) +
            ", this ganscope reads version " + std::to_string(kSessionFileVersion));
  }
  const auto size = in.get<uint64_t>("payload size");
  const auto crc = in.get<uint32_t>("checksum");
  if (size != in.remaining()) {
    in.fail("the header announces " + std::to_string(size) + " bytes of content but " +
            std::to_string(in.remaining()) + " follow (" +
            (size > in.remaining() ? "truncated)" : "trailing bytes)"));
  }
  const std::string_view payload = in.raw(size, "payload");
  if (checksum(payload) != crc) in.fail("checksum mismatch: the file is corrupted");

  ByteReader body(payload, source);
  SessionFile session;
  try {
    session.config = parseConfig(body.string("config"), "config");
    session.view = viewSettingsFromJson(parseJson(body.string("view settings"), "view settings"));
  } catch (const nlohmann::json::exception& error) {
    body.fail(std::string("view settings are not valid JSON (") + error.what() + ")");
  } catch (const ConfigError& error) {
    body.fail(error.what());
  }
  session.state = std::string(body.string("state"));
  session.history = std::string(body.string("history"));
  body.expectEnd();
  MetricStore().importHistory(session.history, 0, source + ": history");  // checks it
  if (configToJson(Session::configOfState(session.state)) != configToJson(session.config)) {
    body.fail("the config differs from the one inside the saved state");
  }
  return session;
}

void saveSessionFile(const std::string& path, const SessionFile& session) {
  writeFileAtomically(path, encodeSessionFile(session));
}

SessionFile loadSessionFile(const std::string& path) {
  return decodeSessionFile(readRegularFile(path, kMaxSessionFileBytes), path);
}

}  // namespace ganscope

// The demo's data files: what each demo person does, as API calls (see demo/README.md).
#pragma once

#include <string>
#include <vector>

namespace northstar::demo {

struct DataFile {
  std::string name;  // "20-plans.json"
  std::string text;
};

// The files of demo/ as embedded at build time (cmake/embed_demo.cmake), by file name.
const std::vector<DataFile>& EmbeddedFiles();
// The *.json files of a directory, by file name: for writing the demo without a rebuild.
std::vector<DataFile> FilesIn(const std::string& directory);

}  // namespace northstar::demo

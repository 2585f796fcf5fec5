// What the editing tests share: a fresh SQLite register with its site tables
// in a temporary directory, and the audited Editing over them with a fixed
// clock. A test's SetUp calls EditingFixture::SetUp first, then imports.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/editing.h"

namespace plenary {

class EditingFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "plenary-editing-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    std::string url = (dir_ / "r.db").string();
    store_ = std::move(OpenStore(url).value());
    site_ = std::move(OpenSiteStore(url).value());
    editing_ = std::make_unique<Editing>(*store_, *site_, [] { return 1700000000; });
  }
  void TearDown() override {
    editing_.reset();
    site_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<SiteStore> site_;
  std::unique_ptr<Editing> editing_;
  Actor cli_ = Actor::CommandLine("ops");
};

}  // namespace plenary

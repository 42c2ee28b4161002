# core/store: the project file (SQLite) and the model downloader.
target_sources(streetlens_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ResultJson.h ${CMAKE_CURRENT_LIST_DIR}/ResultJson.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SettingsJson.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProjectStore.h ${CMAKE_CURRENT_LIST_DIR}/ProjectStore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProjectMeta.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProjectSql.h ${CMAKE_CURRENT_LIST_DIR}/ProjectSql.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProjectEmbeddings.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProjectMerge.h ${CMAKE_CURRENT_LIST_DIR}/ProjectMerge.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProjectEvidence.h ${CMAKE_CURRENT_LIST_DIR}/ProjectEvidence.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ModelDownloader.h ${CMAKE_CURRENT_LIST_DIR}/ModelDownloader.cpp)

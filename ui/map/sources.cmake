# The interactive map widget (MapView); the renderer is streetlens_map (library.cmake).
target_sources(streetlens_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/MapView.h ${CMAKE_CURRENT_LIST_DIR}/MapView.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapViewData.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapExportDialog.h ${CMAKE_CURRENT_LIST_DIR}/MapExportDialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AreaDrawOverlay.h ${CMAKE_CURRENT_LIST_DIR}/AreaDrawOverlay.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PointPickOverlay.h ${CMAKE_CURRENT_LIST_DIR}/PointPickOverlay.cpp)
target_link_libraries(streetlens_ui PUBLIC streetlens_map)

# The map renderer library (included by the top-level CMakeLists.txt, also without the GUI).
# The map (issue 5) has two parts:
#  * streetlens_map — the renderer: viewport, style, colour ramp, basemap, heatmap, markers, tiles,
#    overlay (legend, scale), render jobs and the report map. Qt Gui only (no Widgets), so that
#    streetlens-cli and the exporters can draw maps; it lives in this folder so that the include
#    paths used by tests and benchmarks stay valid.
#  * the interactive MapView widget (and its menu/dialog code) stays in streetlens_ui.
add_library(streetlens_map STATIC
  ${CMAKE_CURRENT_LIST_DIR}/MapViewport.h ${CMAKE_CURRENT_LIST_DIR}/MapViewport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapStyle.h
  ${CMAKE_CURRENT_LIST_DIR}/ColorRamp.h ${CMAKE_CURRENT_LIST_DIR}/ColorRamp.cpp
  ${CMAKE_CURRENT_LIST_DIR}/BasemapData.h ${CMAKE_CURRENT_LIST_DIR}/BasemapData.cpp
  ${CMAKE_CURRENT_LIST_DIR}/HeatmapRasterizer.h ${CMAKE_CURRENT_LIST_DIR}/HeatmapRasterizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapMarkers.h ${CMAKE_CURRENT_LIST_DIR}/MapMarkers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TaskColoring.h ${CMAKE_CURRENT_LIST_DIR}/TaskColoring.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TileSource.h ${CMAKE_CURRENT_LIST_DIR}/TileSource.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapScene.h
  ${CMAKE_CURRENT_LIST_DIR}/AreaLayer.h ${CMAKE_CURRENT_LIST_DIR}/AreaLayer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapOverlay.h ${CMAKE_CURRENT_LIST_DIR}/MapOverlay.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MarkerLabels.h ${CMAKE_CURRENT_LIST_DIR}/MarkerLabels.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapRenderer.h ${CMAKE_CURRENT_LIST_DIR}/MapRenderer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MapRenderJob.h ${CMAKE_CURRENT_LIST_DIR}/MapRenderJob.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ReportMap.h ${CMAKE_CURRENT_LIST_DIR}/ReportMap.cpp)
target_link_libraries(streetlens_map PUBLIC streetlens_core Qt6::Gui Qt6::Network Qt6::Concurrent)
set_target_properties(streetlens_map PROPERTIES AUTOMOC ON)
streetlens_warnings(streetlens_map)

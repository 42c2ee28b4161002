# core/export: CSV, JSON, GeoJSON, KML and the HTML/PDF case reports (Qt Core/Gui only).
target_sources(streetlens_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ExportTypes.h ${CMAKE_CURRENT_LIST_DIR}/ExportFormat.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ExportCommon.h ${CMAKE_CURRENT_LIST_DIR}/ExportCommon.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Csv.h ${CMAKE_CURRENT_LIST_DIR}/Csv.cpp
  ${CMAKE_CURRENT_LIST_DIR}/JsonExport.h ${CMAKE_CURRENT_LIST_DIR}/JsonExport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GeoJsonExport.h ${CMAKE_CURRENT_LIST_DIR}/GeoJsonExport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/KmlExport.h ${CMAKE_CURRENT_LIST_DIR}/KmlExport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AccuracySummary.h ${CMAKE_CURRENT_LIST_DIR}/AccuracySummary.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Calibration.h ${CMAKE_CURRENT_LIST_DIR}/Calibration.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ReportContent.h ${CMAKE_CURRENT_LIST_DIR}/ReportContent.cpp
  ${CMAKE_CURRENT_LIST_DIR}/HtmlReport.h ${CMAKE_CURRENT_LIST_DIR}/HtmlReport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PdfCanvas.h ${CMAKE_CURRENT_LIST_DIR}/PdfCanvas.cpp
  ${CMAKE_CURRENT_LIST_DIR}/PdfReport.h ${CMAKE_CURRENT_LIST_DIR}/PdfReport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Exporter.h ${CMAKE_CURRENT_LIST_DIR}/Exporter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ResultStream.h ${CMAKE_CURRENT_LIST_DIR}/ResultStream.cpp)

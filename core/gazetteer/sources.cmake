target_sources(streetlens_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/CommonNames.h ${CMAKE_CURRENT_LIST_DIR}/CommonNames.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GazetteerTypes.h
  ${CMAKE_CURRENT_LIST_DIR}/Gazetteer.cpp ${CMAKE_CURRENT_LIST_DIR}/Gazetteer.h
  ${CMAKE_CURRENT_LIST_DIR}/GazetteerLoader.cpp ${CMAKE_CURRENT_LIST_DIR}/GazetteerLoader.h)

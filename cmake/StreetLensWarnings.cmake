# Warnings for our own targets only (third-party headers are included as SYSTEM).
function(streetlens_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow=local
                                             -Wnon-virtual-dtor -Wno-unused-parameter)
  elseif(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow-uncaptured-local
                                             -Wnon-virtual-dtor -Wno-unused-parameter)
  endif()
endfunction()

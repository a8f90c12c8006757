# Fails if app/ includes LibTorch headers, core/ includes ImGui/GLFW/glad/GL headers, or common/
# includes either.
set(problems "")

# Appends to `problems` every file among FILES with an #include matching REGEX.
function(find_includes regex)
  foreach(file IN LISTS ARGN)
    file(STRINGS ${file} hits REGEX "#include[ \t]*[<\"](${regex})")
    if(hits)
      set(problems "${problems}\n  ${file}: ${hits}")
    endif()
  endforeach()
  set(problems "${problems}" PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE app_files ${ROOT}/app/*.cpp ${ROOT}/app/*.hpp)
file(GLOB_RECURSE core_files ${ROOT}/core/*.cpp ${ROOT}/core/*.hpp)
file(GLOB_RECURSE common_files ${ROOT}/common/*.cpp ${ROOT}/common/*.hpp)
list(LENGTH app_files app_count)
list(LENGTH core_files core_count)
list(LENGTH common_files common_count)
if(app_count EQUAL 0 OR core_count EQUAL 0 OR common_count EQUAL 0)
  message(FATAL_ERROR "layering: found no sources under ${ROOT}/app, ${ROOT}/core or ${ROOT}/common")
endif()
find_includes("(torch|ATen|c10)/" ${app_files} ${common_files})
find_includes("imgui|GLFW|glad|GL/" ${core_files} ${common_files})
find_includes("(core|app)/" ${common_files})
if(problems)
  message(FATAL_ERROR
          "layering broken (app/ must stay torch-free, core/ GL-free, common/ both and "
          "self-contained):${problems}")
endif()
message(STATUS "layering ok: ${app_count} app, ${core_count} core, ${common_count} common files")

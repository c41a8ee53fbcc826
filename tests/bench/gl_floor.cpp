// The floor under the kiosk's start: the smallest GLFW + OpenGL program that opens a window and
// draws one frame, as the kiosk does (an OpenGL 3 core context, the window's size, one clear, one
// swap, glFinish). Prints when that frame was done on the wall clock (CLOCK_REALTIME, µs since the
// epoch) for the bench to take from the time it exec'd it, then exits.
// Usage: gl_floor WIDTHxHEIGHT
#include <GLFW/glfw3.h>

#include <cstdio>
#include <ctime>

int main(int argc, char** argv) {
    int width = 1920, height = 1080;
    if (argc > 1 && std::sscanf(argv[1], "%dx%d", &width, &height) != 2) {
        std::fprintf(stderr, "usage: gl_floor WIDTHxHEIGHT\n");
        return 2;
    }
    if (!glfwInit()) return 1;
    // The kiosk's own window hints (kiosk/app/kiosk_window.cpp): the same context and framebuffer.
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    GLFWwindow* window = glfwCreateWindow(width, height, "gl_floor", nullptr, nullptr);
    if (!window) return 1;
    glfwMakeContextCurrent(window);
    glClearColor(0.1f, 0.2f, 0.3f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glfwSwapBuffers(window);
    glFinish();
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    std::printf("first frame at %lld us\n", static_cast<long long>(now.tv_sec) * 1000000 + now.tv_nsec / 1000);
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}

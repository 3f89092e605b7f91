package cn.mediationdesk; public class Launcher { public static void main(String[] a){} }
